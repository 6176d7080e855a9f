package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.ObserverException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.ReceiverFailure;
import io.quarkus.test.QuarkusUnitTest;

class SendRobustTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Receivers.class,
                    RequestState.class));

    @Inject
    @EventModule("user")
    EventEmitter users;

    @Inject
    Receivers receivers;

    @BeforeEach
    void clear() {
        receivers.clear();
    }

    @Test
    void callsEveryReceiverInPriorityOrderAndReturnsEachFailure() {
        List<ReceiverFailure> failures = users.sendRobust(UserEvents.ACCOUNT_CREATED, new User("mallory"));

        assertEquals(List.of("crm:mallory", "welcome:mallory", "billing:mallory", "stats:mallory"), receivers.calls());
        assertEquals(2, failures.size());
        assertEquals(Receivers.class.getName() + "#crm", failures.get(0).receiver());
        assertEquals("CRM is down", failures.get(0).error().getMessage());
        assertEquals(Receivers.class.getName() + "#billing", failures.get(1).receiver());
        // a checked exception arrives as ArC wraps it for a synchronous observer
        assertInstanceOf(IOException.class, rootCause(failures.get(1).error()));
    }

    @Test
    void returnsAnEmptyUnmodifiableListWhenNoReceiverThrows() {
        List<ReceiverFailure> failures = users.sendRobust(UserEvents.ACCOUNT_CREATED, new User("alice"));

        assertEquals(List.of(), failures);
        assertThrows(UnsupportedOperationException.class, () -> failures.add(null));
        assertEquals(List.of("crm:alice", "welcome:alice", "billing:alice", "stats:alice"), receivers.calls());
    }

    @Test
    void sendStopsAtTheFirstFailureAsCdiDoes() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> users.send(UserEvents.ACCOUNT_CREATED, new User("mallory")));

        assertEquals("CRM is down", failure.getMessage());
        assertEquals(List.of("crm:mallory"), receivers.calls());
    }

    @Test
    void aReceiverCanUseTheRequestContext() {
        users.sendRobust(UserEvents.ACCOUNT_CREATED, new User("alice"));
        assertEquals("alice", receivers.requestUser());
    }

    private static Throwable rootCause(Throwable error) {
        return error instanceof ObserverException && error.getCause() != null ? error.getCause() : error;
    }

    @EventModule("user")
    public interface UserEvents {
        @Payload(User.class)
        String ACCOUNT_CREATED = "user:account:created";
    }

    public record User(String name) {
    }

    @RequestScoped
    public static class RequestState {
        private String user;

        String user() {
            return user;
        }

        void user(String user) {
            this.user = user;
        }
    }

    @ApplicationScoped
    public static class Receivers {

        private final List<String> calls = new CopyOnWriteArrayList<>();
        private volatile String requestUser;

        @Inject
        RequestState requestState;

        void crm(@Observes @Priority(1) @Named(UserEvents.ACCOUNT_CREATED) User user) {
            calls.add("crm:" + user.name());
            requestState.user(user.name());
            if (user.name().equals("mallory")) {
                throw new IllegalStateException("CRM is down");
            }
        }

        void welcome(@Observes @Priority(2) @Named(UserEvents.ACCOUNT_CREATED) User user) {
            calls.add("welcome:" + user.name());
        }

        void billing(@Observes @Priority(3) @Named(UserEvents.ACCOUNT_CREATED) User user) throws IOException {
            calls.add("billing:" + user.name());
            if (user.name().equals("mallory")) {
                throw new IOException("billing unreachable");
            }
        }

        void stats(@Observes @Priority(4) @EventModule("user") Object payload) {
            calls.add("stats:" + ((User) payload).name());
            requestUser = requestState.user();
        }

        void notCalledByRobustSend(@ObservesAsync @Named(UserEvents.ACCOUNT_CREATED) User user) {
            calls.add("async:" + user.name());
        }

        List<String> calls() {
            return List.copyOf(calls);
        }

        String requestUser() {
            return requestUser;
        }

        void clear() {
            calls.clear();
        }
    }
}
