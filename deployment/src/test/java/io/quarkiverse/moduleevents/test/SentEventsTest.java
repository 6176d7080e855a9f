package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.SentEvents;
import io.quarkus.test.QuarkusUnitTest;

class SentEventsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, MailEvents.class, Failing.class));

    @Inject
    UserEvents users;

    @Inject
    @EventModule("mail")
    EventEmitter mail;

    @Inject
    SentEvents sent;

    @BeforeEach
    void clear() {
        sent.clear();
    }

    @Test
    void recordsEveryEventOfEveryEmitterInOrder() throws Exception {
        users.send(UserEvents.ACCOUNT_CREATED, "alice");
        mail.sendRobust(MailEvents.WELCOME_SENT, "welcome alice");
        users.sendAsync(UserEvents.ACCOUNT_CREATED, "bob").toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(List.of(UserEvents.ACCOUNT_CREATED, MailEvents.WELCOME_SENT, UserEvents.ACCOUNT_CREATED),
                sent.names());
        assertEquals(List.of("alice", "bob"), sent.payloads(UserEvents.ACCOUNT_CREATED));
        assertEquals(List.of(), sent.payloads("user:nothing:sent"));
    }

    @Test
    void recordsAnEventWhoseReceiverThrowsButNotARejectedOne() {
        assertThrows(IllegalStateException.class, () -> users.send(UserEvents.ACCOUNT_DELETED, "mallory"));
        String undeclared = String.join(":", "user", "account", "purged");
        assertThrows(IllegalArgumentException.class, () -> users.send(undeclared, "mallory"));

        assertEquals(List.of(UserEvents.ACCOUNT_DELETED), sent.names());
    }

    @Test
    void clearForgetsEverything() {
        users.send(UserEvents.ACCOUNT_CREATED, "alice");
        sent.clear();
        assertEquals(List.of(), sent.names());
    }

    @Test
    void isSafeUnderConcurrentSends() {
        IntStream.range(0, 1000).parallel().forEach(i -> users.send(UserEvents.ACCOUNT_CREATED, i));
        assertEquals(1000, sent.names().size());
        assertEquals(1000, sent.payloads(UserEvents.ACCOUNT_CREATED).stream().distinct().count());
    }

    @EventModule("user")
    public interface UserEvents extends EventEmitter {
        String ACCOUNT_CREATED = "user:account:created";
        String ACCOUNT_DELETED = "user:account:deleted";
    }

    @EventModule("mail")
    public interface MailEvents {
        String WELCOME_SENT = "mail:welcome:sent";
    }

    @ApplicationScoped
    public static class Failing {
        void onDeleted(@Observes @Named(UserEvents.ACCOUNT_DELETED) String user) {
            throw new IllegalStateException("cannot delete " + user);
        }
    }
}
