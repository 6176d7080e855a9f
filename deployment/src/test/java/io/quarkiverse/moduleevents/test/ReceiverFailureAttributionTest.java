package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.ReceiverFailure;
import io.quarkiverse.moduleevents.runtime.SentEventList;
import io.quarkus.arc.AsyncObserverExceptionHandler;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The emitter names the receiver that threw by notifying the receivers itself, whatever the stack trace of what it
 * threw: here every receiver throws an exception made before any receiver ran, whose stack trace names none of them.
 */
class ReceiverFailureAttributionTest {

    /** made here, so that its stack trace contains no receiver's method */
    static final IllegalStateException MADE_ELSEWHERE = new IllegalStateException("made elsewhere");

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(ReceiverFailureAttributionTest.class, OrderEvents.class,
                    Receivers.class, RecordingListener.class, RecordingAsyncExceptionHandler.class));

    @Inject
    @EventModule("order")
    EventEmitter orders;

    @Inject
    RecordingListener listener;

    @Inject
    RecordingAsyncExceptionHandler asyncExceptionHandler;

    @BeforeEach
    void clear() {
        listener.clear();
        asyncExceptionHandler.clear();
    }

    @Test
    void sendNamesTheReceiverThatThrewAndTheReceiversThatRanUpToIt() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> orders.send(OrderEvents.ORDER_PLACED, "order-1"));

        assertSame(MADE_ELSEWHERE, thrown);
        Sent sent = listener.single();
        assertEquals(List.of(Receivers.class.getName() + "#first", Receivers.class.getName() + "#rethrowing"),
                sent.receivers());
        assertEquals(1, sent.failures().size());
        assertEquals(Receivers.class.getName() + "#rethrowing", sent.failures().get(0).receiver());
        assertSame(MADE_ELSEWHERE, sent.failures().get(0).error());
    }

    @Test
    void sendRobustNamesEveryReceiverThatThrew() {
        List<ReceiverFailure> failures = orders.sendRobust(OrderEvents.ORDER_PLACED, "order-2");

        assertEquals(List.of(Receivers.class.getName() + "#rethrowing", Receivers.class.getName() + "#alsoRethrowing"),
                failures.stream().map(ReceiverFailure::receiver).toList());
        assertEquals(failures, listener.single().failures());
    }

    @Test
    void sendAsyncNamesTheAsynchronousReceiverThatThrewAndHandsItsFailureToTheHandler() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> orders.sendAsync(OrderEvents.ORDER_PLACED, "order-3").toCompletableFuture()
                        .get(10, TimeUnit.SECONDS));

        // one receiver threw: it is the cause, as with ArC's fireAsync
        assertSame(MADE_ELSEWHERE, failure.getCause());
        Sent sent = listener.single();
        assertEquals(List.of(Receivers.class.getName() + "#asyncFirst", Receivers.class.getName() + "#asyncRethrowing",
                Receivers.class.getName() + "#asyncLast"), sent.receivers());
        assertEquals(List.of(new ReceiverFailure(Receivers.class.getName() + "#asyncRethrowing", MADE_ELSEWHERE)),
                sent.failures());
        assertEquals(List.of("asyncRethrowing"), asyncExceptionHandler.observerMethods());
    }

    @Test
    void everyReceiverFailureOfSendAsyncIsSuppressedInTheCompletionException() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> orders.sendAsync(OrderEvents.ORDER_CANCELLED, "order-4").toCompletableFuture()
                        .get(10, TimeUnit.SECONDS));

        CompletionException completion = assertInstanceOf(CompletionException.class, failure.getCause());
        assertEquals(List.of(MADE_ELSEWHERE, MADE_ELSEWHERE), List.of(completion.getSuppressed()));
        assertEquals(List.of(Receivers.class.getName() + "#cancelledFirst",
                Receivers.class.getName() + "#cancelledSecond"),
                listener.single().failures().stream().map(ReceiverFailure::receiver).toList());
        assertEquals(List.of("cancelledFirst", "cancelledSecond"), asyncExceptionHandler.observerMethods());
    }

    @EventModule("order")
    public interface OrderEvents {
        String ORDER_PLACED = "order:order:placed";
        String ORDER_CANCELLED = "order:order:cancelled";
    }

    @ApplicationScoped
    public static class Receivers {

        void first(@Observes @Priority(1) @Named(OrderEvents.ORDER_PLACED) String order) {
        }

        void rethrowing(@Observes @Priority(2) @Named(OrderEvents.ORDER_PLACED) String order) {
            throw MADE_ELSEWHERE;
        }

        void alsoRethrowing(@Observes @Priority(3) @Named(OrderEvents.ORDER_PLACED) String order) {
            throw MADE_ELSEWHERE;
        }

        void asyncFirst(@ObservesAsync @Priority(1) @Named(OrderEvents.ORDER_PLACED) String order) {
        }

        void asyncRethrowing(@ObservesAsync @Priority(2) @Named(OrderEvents.ORDER_PLACED) String order) {
            throw MADE_ELSEWHERE;
        }

        void asyncLast(@ObservesAsync @Priority(3) @Named(OrderEvents.ORDER_PLACED) String order) {
        }

        void cancelledFirst(@ObservesAsync @Priority(1) @Named(OrderEvents.ORDER_CANCELLED) String order) {
            throw MADE_ELSEWHERE;
        }

        void cancelledSecond(@ObservesAsync @Priority(2) @Named(OrderEvents.ORDER_CANCELLED) String order) {
            throw MADE_ELSEWHERE;
        }
    }

    record Sent(List<String> receivers, List<ReceiverFailure> failures) {
    }

    /** The test-mode listener, also keeping what the emitter tells once the receivers ran. */
    @Alternative
    @Priority(1)
    @Singleton
    public static class RecordingListener extends SentEventList {

        private final List<Sent> sent = new ArrayList<>();

        @Override
        public synchronized void sent(String module, String name, Object payload, List<String> receivers,
                List<ReceiverFailure> failures) {
            sent.add(new Sent(receivers, failures));
        }

        synchronized Sent single() {
            assertEquals(1, sent.size(), sent::toString);
            return sent.get(0);
        }

        @Override
        public synchronized void clear() {
            super.clear();
            sent.clear();
        }
    }

    @Singleton
    public static class RecordingAsyncExceptionHandler implements AsyncObserverExceptionHandler {

        private final List<String> observerMethods = new ArrayList<>();

        @Override
        public synchronized void handle(Throwable throwable, ObserverMethod<?> observerMethod,
                EventContext<?> eventContext) {
            String description = observerMethod.toString();
            observerMethods.add(description.substring(description.indexOf('#') + 1, description.indexOf('(')));
        }

        synchronized List<String> observerMethods() {
            return List.copyOf(observerMethods);
        }

        synchronized void clear() {
            observerMethods.clear();
        }
    }
}
