package io.quarkiverse.moduleevents.it.mail;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("/mail")
class MailResource {

    private final Outbox outbox;

    MailResource(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * @param to a recipient, or nothing for every mail
     * @return the mails sent, in order
     */
    @GET
    @Path("outbox")
    public List<Message> outbox(@QueryParam("to") String to) {
        return outbox.messages(to);
    }
}
