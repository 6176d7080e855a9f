package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.EventMetadata;
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

class PatternReceiverTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, ShopEvents.class, User.class,
                    Receivers.class));

    @Inject
    UserEvents users;

    @Inject
    ShopEvents shop;

    @Inject
    Receivers receivers;

    @BeforeEach
    void clear() {
        receivers.clear();
    }

    @Test
    void aPatternReceiverIsCalledOnceInPriorityOrderAmongTheExactReceivers() {
        users.send(UserEvents.ACCOUNT_CREATED, new User("alice"));

        assertEquals(List.of("exact-first:alice", "created:user:account:created", "exact-last:alice",
                "any-user:alice"), receivers.calls());
    }

    @Test
    void aPatternMatchesEveryEventOfItsShape() {
        users.send(UserEvents.EMAIL_CREATED, new User("bob"));
        users.send(UserEvents.ACCOUNT_DELETED, new User("bob"));
        shop.send(ShopEvents.ORDER_CREATED, "order-1");

        assertEquals(List.of("created:user:emails:created", "any-user:bob", "any-user:bob",
                "created-anywhere:shop:order:created"), receivers.calls());
    }

    @Test
    void asynchronousPatternReceiversGetAsynchronousEvents() throws Exception {
        users.sendAsync(UserEvents.ACCOUNT_DELETED, new User("carol")).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(List.of("account-async:user:account:deleted"), receivers.calls());
    }

    @Test
    void patternReceiversCountForHasReceiversAndSendRobust() {
        assertTrue(shop.hasReceivers(ShopEvents.ORDER_CREATED), "only a pattern receives it");
        assertFalse(shop.hasReceivers(ShopEvents.ORDER_SHIPPED));

        List<ReceiverFailure> failures = shop.sendRobust(ShopEvents.ORDER_CREATED, "poison");

        assertEquals(1, failures.size());
        assertEquals(Receivers.class.getName() + "#createdAnywhere", failures.get(0).receiver());
        assertEquals(List.of("created-anywhere:shop:order:created"), receivers.calls());
    }

    @EventModule("user")
    public interface UserEvents extends EventEmitter {
        @Payload(User.class)
        String ACCOUNT_CREATED = "user:account:created";
        @Payload(User.class)
        String EMAIL_CREATED = "user:emails:created";
        @Payload(User.class)
        String ACCOUNT_DELETED = "user:account:deleted";
    }

    @EventModule("shop")
    public interface ShopEvents extends EventEmitter {
        String ORDER_CREATED = "shop:order:created";
        String ORDER_SHIPPED = "shop:order:shipped";
    }

    public record User(String name) {
    }

    @ApplicationScoped
    public static class Receivers {

        private final List<String> calls = new CopyOnWriteArrayList<>();

        void exactFirst(@Observes @Priority(1) @Named(UserEvents.ACCOUNT_CREATED) User user) {
            calls.add("exact-first:" + user.name());
        }

        void created(@Observes @Priority(2) @Named("user:*:created") User user, EventMetadata metadata) {
            calls.add("created:" + EventEmitter.nameOf(metadata));
        }

        void exactLast(@Observes @Priority(3) @Named(UserEvents.ACCOUNT_CREATED) User user) {
            calls.add("exact-last:" + user.name());
        }

        void anyUser(@Observes @Priority(4) User user) {
            calls.add("any-user:" + user.name());
        }

        void createdAnywhere(@Observes @Named("*:*:created") String payload, EventMetadata metadata) {
            calls.add("created-anywhere:" + EventEmitter.nameOf(metadata));
            if (payload.equals("poison")) {
                throw new IllegalArgumentException("cannot handle " + payload);
            }
        }

        void accountAsync(@ObservesAsync @Named("user:account:*") User user, EventMetadata metadata) {
            calls.add("account-async:" + EventEmitter.nameOf(metadata));
        }

        List<String> calls() {
            return List.copyOf(calls);
        }

        void clear() {
            calls.clear();
        }
    }
}
