package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Every send method rejects bad input with an {@link IllegalArgumentException} before any receiver runs.
 */
class BadInputTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, MailEvents.class, BoxEvents.class,
                    User.class, Box.class, Everything.class));

    @Inject
    UserEvents users;

    @Inject
    @EventModule("box")
    EventEmitter boxes;

    @Inject
    Everything everything;

    @BeforeEach
    void clear() {
        everything.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendAsync", "sendRobust" })
    void anUndeclaredNameIsRejectedWithTheModulesNamesAndTheClosestOne(String method) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> send(method, "user:acount:created", new User("alice")));
        assertEquals("Module 'user' does not declare the event 'user:acount:created'; did you mean"
                + " 'user:account:created'? [names of module 'user': user:account:created, user:emails:created];"
                + " to send a new event, declare it as a constant of " + UserEvents.class.getName(), e.getMessage());
        assertEquals(List.of(), everything.received());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendAsync", "sendRobust" })
    void aNameOfAnotherModuleIsRejectedNamingThatModule(String method) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> send(method, MailEvents.SENT, "hello"));
        assertTrue(e.getMessage().startsWith("Event 'mail:message:sent' is declared by module 'mail', not by module"
                + " 'user': send it through that module's emitter, @Inject @EventModule(\"mail\") EventEmitter"),
                e.getMessage());
        assertTrue(e.getMessage().contains("[names of module 'user': user:account:created, user:emails:created]"),
                e.getMessage());
        assertEquals(List.of(), everything.received());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendAsync", "sendRobust" })
    void aNullNameIsRejected(String method) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> send(method, null, new User("alice")));
        assertTrue(e.getMessage().startsWith("Module 'user' does not declare the event 'null'"), e.getMessage());
        assertEquals(List.of(), everything.received());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendAsync", "sendRobust" })
    void aNullPayloadIsRejected(String method) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> send(method, UserEvents.ACCOUNT_CREATED, null));
        assertEquals("Event 'user:account:created' needs a payload: pass a " + User.class.getName() + ", not null",
                e.getMessage());
        assertEquals(List.of(), everything.received());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendAsync", "sendRobust" })
    void aPayloadOfTheWrongTypeIsRejected(String method) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> send(method, UserEvents.ACCOUNT_CREATED, "alice"));
        assertEquals("Event 'user:account:created' carries a " + User.class.getName()
                + " (its @Payload), not a java.lang.String: pass a " + User.class.getName()
                + ", or change the event's @Payload", e.getMessage());
        assertEquals(List.of(), everything.received());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendAsync", "sendRobust" })
    void aPayloadOfAGenericRuntimeTypeIsRejected(String method) {
        // CDI would infer the type arguments from the emitter's Event<Object>, which has none to give
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> send(boxes, method, BoxEvents.FILLED, new Box<>("apples")));
        assertTrue(e.getMessage().contains("type variable"), e.getMessage());
        assertEquals(List.of(), everything.received());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendAsync", "sendRobust" })
    void aValidEventReachesTheReceivers(String method) {
        send(method, UserEvents.ACCOUNT_CREATED, new User("alice"));
        if (method.equals("sendAsync")) {
            everything.awaitOne();
        }
        assertEquals(List.of(UserEvents.ACCOUNT_CREATED), everything.received());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendAsync", "sendRobust" })
    void badPayloadsAreStillRejectedOnceTheNameWasSent(String method) {
        // the receivers of User are resolved by now, and a payload of a resolved type is not checked again
        aValidEventReachesTheReceivers(method);
        everything.clear();
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> send(method, UserEvents.ACCOUNT_CREATED, "alice"));
        assertTrue(wrongType.getMessage().contains("(its @Payload), not a java.lang.String"), wrongType.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> send(method, UserEvents.ACCOUNT_CREATED, null));
        assertTrue(none.getMessage().contains("needs a payload"), none.getMessage());
        assertEquals(List.of(), everything.received());
    }

    private void send(String method, String name, Object payload) {
        send(users, method, name, payload);
    }

    private static void send(EventEmitter emitter, String method, String name, Object payload) {
        switch (method) {
            case "send" -> emitter.send(name, payload);
            case "sendAsync" -> emitter.sendAsync(name, payload);
            case "sendRobust" -> emitter.sendRobust(name, payload);
            default -> throw new IllegalStateException(method);
        }
    }

    @EventModule("user")
    public interface UserEvents extends EventEmitter {
        @Payload(User.class)
        String ACCOUNT_CREATED = "user:account:created";
        @Payload(User.class)
        String EMAIL_CREATED = "user:emails:created";
    }

    @EventModule("mail")
    public interface MailEvents {
        String SENT = "mail:message:sent";
    }

    @EventModule("box")
    public interface BoxEvents {
        String FILLED = "box:box:filled";
    }

    public record User(String name) {
    }

    public record Box<T>(T content) {
    }

    @ApplicationScoped
    public static class Everything {

        private final List<String> received = new CopyOnWriteArrayList<>();

        void sync(@Observes Object payload, EventMetadata metadata) {
            record(metadata);
        }

        void async(@ObservesAsync Object payload, EventMetadata metadata) {
            record(metadata);
        }

        private void record(EventMetadata metadata) {
            String name = EventEmitter.nameOf(metadata);
            if (name != null) {
                received.add(name);
            }
        }

        void awaitOne() {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        }

        List<String> received() {
            return List.copyOf(received);
        }

        void clear() {
            received.clear();
        }
    }
}
