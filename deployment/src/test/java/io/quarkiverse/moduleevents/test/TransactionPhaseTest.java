package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.spi.DeclaredEventFiring;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Receivers of a transaction phase run in that phase, whether the event is sent with send or sendRobust, as when it
 * is fired through CDI's {@code Event.fire}.
 */
class TransactionPhaseTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Receivers.class));

    @Inject
    OrderEvents orders;

    @Inject
    Receivers receivers;

    @Inject
    DeclaredEventFiring firing;

    @BeforeEach
    void clear() {
        receivers.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendRobust", "fire" })
    void afterSuccessReceiversRunOnlyOnceTheTransactionCommits(String method) {
        QuarkusTransaction.requiringNew().run(() -> {
            send(method, "o-1");
            assertEquals(List.of("in-progress:o-1"), receivers.calls(), "nothing deferred has run yet");
        });
        assertEquals(List.of("in-progress:o-1", "before-completion:o-1", "after-completion:o-1",
                "after-success:o-1"), receivers.calls());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendRobust", "fire" })
    void afterSuccessReceiversNeverRunWhenTheTransactionRollsBack(String method) {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            send(method, "o-2");
            throw new IllegalStateException("payment refused");
        }));
        assertEquals(List.of("in-progress:o-2", "after-completion:o-2", "after-failure:o-2"), receivers.calls());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendRobust", "fire" })
    void withoutATransactionEveryReceiverRunsAtOnce(String method) {
        send(method, "o-3");
        assertEquals(List.of("in-progress:o-3", "before-completion:o-3", "after-completion:o-3",
                "after-success:o-3", "after-failure:o-3"), receivers.calls());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendRobust", "fire" })
    void aDeferredReceiverThatThrowsIsLoggedAndTheNextOneStillRunsInARequestContext(String method) {
        QuarkusTransaction.requiringNew().run(() -> send(method, OrderEvents.ORDER_PAID, "o-4"));
        assertEquals(List.of("paid-failing:o-4", "paid:o-4:request-context-active"), receivers.calls());
    }

    private void send(String method, String order) {
        send(method, OrderEvents.ORDER_PLACED, order);
    }

    /**
     * @param method {@code fire} fires through {@code DeclaredEventFiring.fire}, as the bridge does, for the
     *        emitter's own delivery to be compared with
     */
    private void send(String method, String name, String order) {
        switch (method) {
            case "send" -> orders.send(name, order);
            case "sendRobust" -> assertEquals(List.of(), orders.sendRobust(name, order));
            case "fire" -> firing.fire("order", name, order);
            default -> throw new IllegalArgumentException(method);
        }
    }

    @EventModule("order")
    public interface OrderEvents extends EventEmitter {
        String ORDER_PLACED = "order:order:placed";
        String ORDER_PAID = "order:order:paid";
    }

    @ApplicationScoped
    public static class Receivers {

        private final List<String> calls = new CopyOnWriteArrayList<>();

        void inProgress(@Observes @Priority(1) @Named(OrderEvents.ORDER_PLACED) String order) {
            calls.add("in-progress:" + order);
        }

        void beforeCompletion(
                @Observes(during = TransactionPhase.BEFORE_COMPLETION) @Priority(2) @Named(OrderEvents.ORDER_PLACED) String order) {
            calls.add("before-completion:" + order);
        }

        void afterCompletion(
                @Observes(during = TransactionPhase.AFTER_COMPLETION) @Priority(3) @Named(OrderEvents.ORDER_PLACED) String order) {
            calls.add("after-completion:" + order);
        }

        void afterSuccess(
                @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(4) @Named(OrderEvents.ORDER_PLACED) String order) {
            calls.add("after-success:" + order);
        }

        void afterFailure(
                @Observes(during = TransactionPhase.AFTER_FAILURE) @Priority(5) @Named(OrderEvents.ORDER_PLACED) String order) {
            calls.add("after-failure:" + order);
        }

        void paidFailing(
                @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(1) @Named(OrderEvents.ORDER_PAID) String order) {
            calls.add("paid-failing:" + order);
            throw new IllegalStateException("receipt printer jammed");
        }

        void paid(
                @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(2) @Named(OrderEvents.ORDER_PAID) String order) {
            calls.add("paid:" + order + (Arc.container().requestContext().isActive() ? ":request-context-active" : ""));
        }

        List<String> calls() {
            return List.copyOf(calls);
        }

        void clear() {
            calls.clear();
        }
    }
}
