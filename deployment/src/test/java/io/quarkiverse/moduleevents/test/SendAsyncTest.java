package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
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
import io.quarkus.test.QuarkusUnitTest;

class SendAsyncTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, Email.class, Receivers.class));

    @Inject
    UserEvents users;

    @Inject
    Receivers receivers;

    @BeforeEach
    void clear() {
        receivers.clear();
    }

    @Test
    void completesWithThePayloadAfterEveryAsyncReceiverRanOffTheCallerThread() throws Exception {
        Email email = new Email("alice@example.com");
        Email completed = users.sendAsync(UserEvents.EMAIL_CREATED, email).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertSame(email, completed);
        assertEquals(List.of("verify:alice@example.com", "index:alice@example.com"), receivers.calls());
        assertNotEquals(Thread.currentThread().getName(), receivers.asyncThread());
    }

    @Test
    void completesExceptionallyWithEveryReceiverFailureSuppressed() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> users.sendAsync(UserEvents.EMAIL_CREATED, new Email("fail@example.com")).toCompletableFuture()
                        .get(10, TimeUnit.SECONDS));

        CompletionException completion = assertInstanceOf(CompletionException.class, failure.getCause());
        Set<String> messages = Arrays.stream(completion.getSuppressed()).map(Throwable::getMessage)
                .collect(Collectors.toSet());
        assertEquals(Set.of("verify failed", "index failed"), messages);
        assertEquals(List.of("verify:fail@example.com", "index:fail@example.com"), receivers.calls());
    }

    @Test
    void dependentStagesRunOnTheContainersExecutorUnlessGivenAnother() throws Exception {
        String dependentThread = users.sendAsync(UserEvents.EMAIL_CREATED, new Email("chain@example.com"))
                .thenApplyAsync(email -> Thread.currentThread().getName()).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertFalse(dependentThread.contains("ForkJoinPool"), dependentThread);
        assertTrue(dependentThread.startsWith("executor-thread"), dependentThread);
    }

    @Test
    void sendCallsOnlySynchronousReceiversAndSendAsyncOnlyAsynchronousOnes() throws Exception {
        users.send(UserEvents.EMAIL_CREATED, new Email("sync@example.com"));
        // the asynchronous send is also the marker: once its receivers ran, any the first send started have run too
        users.sendAsync(UserEvents.EMAIL_CREATED, new Email("async@example.com")).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertEquals(List.of("sync:sync@example.com", "verify:async@example.com", "index:async@example.com"),
                receivers.calls());
    }

    @EventModule("user")
    public interface UserEvents extends EventEmitter {
        @Payload(Email.class)
        String EMAIL_CREATED = "user:emails:created";
    }

    public record Email(String address) {
    }

    @ApplicationScoped
    public static class Receivers {

        private final List<String> calls = new CopyOnWriteArrayList<>();
        private volatile String asyncThread;

        void verify(@ObservesAsync @Priority(1) @Named(UserEvents.EMAIL_CREATED) Email email) {
            asyncThread = Thread.currentThread().getName();
            calls.add("verify:" + email.address());
            if (email.address().startsWith("fail")) {
                throw new IllegalStateException("verify failed");
            }
        }

        void index(@ObservesAsync @Priority(2) @Named(UserEvents.EMAIL_CREATED) Email email) {
            calls.add("index:" + email.address());
            if (email.address().startsWith("fail")) {
                throw new IllegalStateException("index failed");
            }
        }

        void sync(@Observes @Named(UserEvents.EMAIL_CREATED) Email email) {
            calls.add("sync:" + email.address());
        }

        List<String> calls() {
            return List.copyOf(calls);
        }

        String asyncThread() {
            return asyncThread;
        }

        void clear() {
            calls.clear();
        }
    }
}
