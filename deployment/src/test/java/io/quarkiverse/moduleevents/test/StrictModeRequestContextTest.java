package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.ReceiverFailure;
import io.quarkiverse.moduleevents.test.SendContractTest.RequestState;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.QuarkusUnitTest;

/**
 * In ArC's strict mode only CDI's own rules give an event's receivers a request context: {@code Event.fire} does not
 * activate one. {@code send} and {@code sendRobust} do as {@code fire} does there, {@code sendAsync} as {@code fireAsync}.
 */
class StrictModeRequestContextTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(ClockEvents.class, Tick.class, Receivers.class,
                    RequestState.class))
            .overrideConfigKey("quarkus.arc.strict-compatibility", "true")
            // Micrometer, on this module's test class path for the meters' tests, has an interceptor strict mode refuses
            .overrideConfigKey("quarkus.micrometer.enabled", "false");

    @Inject
    ClockEvents clock;

    @Inject
    @Any
    Event<Object> events;

    @Test
    void withoutARequestContextEveryWayOfSendingFailsAsCdiFireDoes() {
        assertFalse(Arc.container().requestContext().isActive());
        assertThrows(ContextNotActiveException.class,
                () -> events.select(NamedLiteral.of(ClockEvents.TICKED)).fire(new Tick(1)));
        assertThrows(ContextNotActiveException.class, () -> clock.send(ClockEvents.TICKED, new Tick(2)));
        List<ReceiverFailure> failures = clock.sendRobust(ClockEvents.TICKED, new Tick(3));
        assertEquals(1, failures.size());
        assertInstanceOf(ContextNotActiveException.class, failures.get(0).error());
        assertFalse(Arc.container().requestContext().isActive());
    }

    @Test
    void withoutARequestContextSendAsyncFailsAsCdiFireAsyncDoes() {
        ExecutionException fired = assertThrows(ExecutionException.class,
                () -> events.select(NamedLiteral.of(ClockEvents.TICKED)).fireAsync(new Tick(4)).toCompletableFuture()
                        .get(10, TimeUnit.SECONDS));
        ExecutionException sent = assertThrows(ExecutionException.class,
                () -> clock.sendAsync(ClockEvents.TICKED, new Tick(5)).toCompletableFuture().get(10, TimeUnit.SECONDS));

        assertInstanceOf(ContextNotActiveException.class, fired.getCause());
        assertInstanceOf(ContextNotActiveException.class, sent.getCause());
    }

    @Test
    void theSendersRequestContextIsTheReceiversOwn() {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            clock.send(ClockEvents.TICKED, new Tick(1));
            assertEquals(List.of(), clock.sendRobust(ClockEvents.TICKED, new Tick(2)));
            assertEquals(List.of(1, 2), Arc.container().instance(RequestState.class).get().seen());
        } finally {
            requestContext.terminate();
        }
    }

    @EventModule("clock")
    public interface ClockEvents extends EventEmitter {
        @Payload(Tick.class)
        String TICKED = "clock:clock:ticked";
    }

    public record Tick(int id) {
    }

    @ApplicationScoped
    public static class Receivers {

        @Inject
        RequestState requestState;

        void ticked(@Observes @Named(ClockEvents.TICKED) Tick tick) {
            requestState.saw(tick.id());
        }

        void tickedAsync(@ObservesAsync @Named(ClockEvents.TICKED) Tick tick) {
            requestState.saw(tick.id());
        }
    }
}
