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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Receivers of a transaction phase run in that phase, whether the event is sent with send or sendRobust.
 */
class TransactionPhaseTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Receivers.class));

    @Inject
    OrderEvents orders;

    @Inject
    Receivers receivers;

    @BeforeEach
    void clear() {
        receivers.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendRobust" })
    void afterSuccessReceiversRunOnlyOnceTheTransactionCommits(String method) {
        QuarkusTransaction.requiringNew().run(() -> {
            send(method, "o-1");
            assertEquals(List.of("in-progress:o-1"), receivers.calls(), "nothing deferred has run yet");
        });
        assertEquals(List.of("in-progress:o-1", "before-completion:o-1", "after-completion:o-1",
                "after-success:o-1"), receivers.calls());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendRobust" })
    void afterSuccessReceiversNeverRunWhenTheTransactionRollsBack(String method) {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            send(method, "o-2");
            throw new IllegalStateException("payment refused");
        }));
        assertEquals(List.of("in-progress:o-2", "after-completion:o-2", "after-failure:o-2"), receivers.calls());
    }

    @ParameterizedTest
    @ValueSource(strings = { "send", "sendRobust" })
    void withoutATransactionEveryReceiverRunsAtOnce(String method) {
        send(method, "o-3");
        assertEquals(List.of("in-progress:o-3", "before-completion:o-3", "after-completion:o-3",
                "after-success:o-3", "after-failure:o-3"), receivers.calls());
    }

    private void send(String method, String order) {
        if (method.equals("send")) {
            orders.send(OrderEvents.ORDER_PLACED, order);
        } else {
            assertEquals(List.of(), orders.sendRobust(OrderEvents.ORDER_PLACED, order));
        }
    }

    @EventModule("order")
    public interface OrderEvents extends EventEmitter {
        String ORDER_PLACED = "order:order:placed";
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

        List<String> calls() {
            return List.copyOf(calls);
        }

        void clear() {
            calls.clear();
        }
    }
}
