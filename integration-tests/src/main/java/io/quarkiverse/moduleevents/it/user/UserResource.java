package io.quarkiverse.moduleevents.it.user;

import java.net.URI;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Registers users and tells the other modules through the user module's events; it knows none of its receivers.
 */
@Path("/users")
class UserResource {

    private static final Logger LOG = Logger.getLogger(UserResource.class);

    private final UserDirectory directory;
    private final UserEvents users;

    UserResource(UserDirectory directory, UserEvents users) {
        this.directory = directory;
        this.users = users;
    }

    /**
     * Registers a user: the account's receivers run before the response is sent, the e-mail's asynchronously.
     */
    @POST
    public RestResponse<User> create(NewUser form) {
        User user = register(form);
        users.sendAsync(UserEvents.EMAIL_CREATED, new Email(user.id(), user.email()))
                .whenComplete((email, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "A receiver of %s failed for user %s", UserEvents.EMAIL_CREATED,
                                user.id());
                    }
                });
        return created(user);
    }

    /**
     * Registers a user inside a JTA transaction that rolls back when {@code fail} is set, after the event was sent.
     * Receivers of {@code AFTER_SUCCESS} run only on commit; plain {@code @Observes} receivers have run either way.
     */
    @POST
    @Path("transactional")
    @Transactional
    public RestResponse<User> createTransactional(NewUser form,
            @QueryParam("fail") @DefaultValue("false") boolean fail) {
        User user = register(form);
        if (fail) {
            throw new WebApplicationException(
                    "Registration of '" + user.name() + "' failed; the transaction rolls back", Status.CONFLICT);
        }
        return created(user);
    }

    @GET
    @Path("{id}")
    public User get(@PathParam("id") String id) {
        return directory.find(id).orElseThrow(NotFoundException::new);
    }

    /**
     * Asks the other modules to welcome the user again; a receiver that fails does not stop the others.
     *
     * @return the receivers that failed, empty when none did
     */
    @POST
    @Path("{id}/resend-welcome")
    public List<ReceiverFailureView> resendWelcome(@PathParam("id") String id) {
        User user = get(id);
        return users.sendRobust(UserEvents.WELCOME_REQUESTED, user).stream().map(ReceiverFailureView::of).toList();
    }

    /**
     * @return the events the user module declares, in declaration order
     */
    @GET
    @Path("events")
    public List<EventView> events() {
        return users.names().entrySet().stream()
                .map(event -> new EventView(event.getKey(), event.getValue(), users.hasReceivers(event.getValue())))
                .toList();
    }

    private User register(NewUser form) {
        if (form == null || isBlank(form.name()) || isBlank(form.email())) {
            throw new BadRequestException("A user needs a name and an email");
        }
        User user = directory.add(form);
        users.send(UserEvents.ACCOUNT_CREATED, user);
        return user;
    }

    private static RestResponse<User> created(User user) {
        return RestResponse.ResponseBuilder.<User> created(URI.create("/users/" + user.id())).entity(user).build();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
