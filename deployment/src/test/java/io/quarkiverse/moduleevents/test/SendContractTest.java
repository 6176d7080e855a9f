package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.ObserverException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.spi.DeclaredEventFiring;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code send} notifies the receivers it resolved once instead of calling {@code Event.fire}: these tests hold it to
 * {@code fire}'s contract, and compare it with {@code fire} through the emitter's own {@code Event}, as the messaging
 * bridge fires.
 */
class SendContractTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(ShopEvents.class, Shape.class, Circle.class, Square.class,
                    Receivers.class, RequestState.class));

    @Inject
    ShopEvents shop;

    @Inject
    Receivers receivers;

    @Inject
    DeclaredEventFiring firing;

    @BeforeEach
    void clear() {
        receivers.clear();
    }

    @Test
    void theFirstFailureStopsTheDeliveryAndACheckedOneArrivesWrapped() {
        RuntimeException unchecked = assertThrows(RuntimeException.class,
                () -> shop.send(ShopEvents.ORDER_FAILED, new Circle(1)));
        assertEquals("unchecked from first", unchecked.getMessage());
        assertEquals(List.of("failing-first"), receivers.calls());

        receivers.clear();
        ObserverException wrapped = assertThrows(ObserverException.class,
                () -> shop.send(ShopEvents.ORDER_FAILED, new Square(1)));
        assertInstanceOf(IOException.class, wrapped.getCause());
        assertEquals(List.of("failing-first", "checked-second"), receivers.calls());
    }

    @Test
    void eachSendRunsInARequestContextOfItsOwnWhenNoneIsActive() {
        ManagedContext requestContext = Arc.container().requestContext();
        assertFalse(requestContext.isActive());
        shop.send(ShopEvents.SHAPE_DRAWN, new Circle(1));
        shop.send(ShopEvents.SHAPE_DRAWN, new Circle(2));
        assertFalse(requestContext.isActive());
        assertEquals(List.of(List.of(1), List.of(2)), receivers.requestStates(),
                "each send had a request context, and a new one");
    }

    @Test
    void anActiveRequestContextIsTheReceiversOwn() {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            shop.send(ShopEvents.SHAPE_DRAWN, new Circle(1));
            shop.send(ShopEvents.SHAPE_DRAWN, new Square(2));
            assertEquals(List.of(1, 2), receivers.requestState().seen());
        } finally {
            requestContext.terminate();
        }
    }

    @Test
    void eachRuntimeTypeOfThePayloadReachesItsOwnReceiversInPriorityOrder() {
        shop.send(ShopEvents.SHAPE_DRAWN, new Circle(1));
        shop.send(ShopEvents.SHAPE_DRAWN, new Square(2));
        shop.send(ShopEvents.SHAPE_DRAWN, new Circle(3));
        assertEquals(List.of("circle:1", "shape:1", "square:2", "shape:2", "circle:3", "shape:3"),
                receivers.calls().stream().filter(call -> !call.startsWith("request")).toList());
    }

    @Test
    void sendNeverNotifiesAsynchronousReceivers() throws Exception {
        shop.send(ShopEvents.SHAPE_DRAWN, new Circle(1));
        // a marker that must reach the asynchronous receiver: once it has, so would have the send before it
        shop.sendAsync(ShopEvents.SHAPE_DRAWN, new Circle(2)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(List.of("async:2"), receivers.calls().stream().filter(call -> call.startsWith("async")).toList());
    }

    @Test
    void receiversGetTheSameMetadataAsFromCdiFire() {
        shop.send(ShopEvents.SHAPE_DRAWN, new Circle(1));
        firing.fire("shop", ShopEvents.ORDER_PLACED, new Square(2));
        EventMetadata direct = receivers.metadata(ShopEvents.SHAPE_DRAWN);
        EventMetadata fired = receivers.metadata(ShopEvents.ORDER_PLACED);

        assertEquals(Circle.class, direct.getType());
        assertEquals(Square.class, fired.getType());
        assertEquals(java.util.Set.of(EventModule.Literal.of("shop"), NamedLiteral.of(ShopEvents.SHAPE_DRAWN),
                Any.Literal.INSTANCE), direct.getQualifiers());
        assertEquals(java.util.Set.of(EventModule.Literal.of("shop"), NamedLiteral.of(ShopEvents.ORDER_PLACED),
                Any.Literal.INSTANCE), fired.getQualifiers());
        assertEquals(ShopEvents.SHAPE_DRAWN, EventEmitter.nameOf(direct));
        assertEquals(ShopEvents.ORDER_PLACED, EventEmitter.nameOf(fired));
        assertEquals(new TypeLiteral<jakarta.enterprise.event.Event<Object>>() {
        }.getType(), direct.getInjectionPoint().getType());
        assertEquals(fired.getInjectionPoint().getType(), direct.getInjectionPoint().getType());
        assertEquals(fired.getInjectionPoint().getQualifiers(), direct.getInjectionPoint().getQualifiers());
        assertEquals(java.util.Set.of(Any.Literal.INSTANCE), direct.getInjectionPoint().getQualifiers());
        assertSame(fired.getInjectionPoint().getBean(), direct.getInjectionPoint().getBean());
        assertEquals(EventEmitter.class.getName().replace("EventEmitter", "runtime.ModuleEventEmitter"),
                direct.getInjectionPoint().getBean().getBeanClass().getName());
        assertNull(direct.getInjectionPoint().getMember());

        // a name with a receiver of a transaction phase: also notified by the emitter, with the same metadata
        shop.send(ShopEvents.ORDER_PLACED, new Square(3));
        EventMetadata sentWithPhase = receivers.metadata(ShopEvents.ORDER_PLACED);
        assertEquals(fired.getType(), sentWithPhase.getType());
        assertEquals(fired.getQualifiers(), sentWithPhase.getQualifiers());
        assertEquals(fired.getInjectionPoint().getType(), sentWithPhase.getInjectionPoint().getType());
        assertSame(fired.getInjectionPoint().getBean(), sentWithPhase.getInjectionPoint().getBean());
    }

    @EventModule("shop")
    public interface ShopEvents extends EventEmitter {
        @Payload(Shape.class)
        String SHAPE_DRAWN = "shop:shape:drawn";
        @Payload(Shape.class)
        String ORDER_PLACED = "shop:order:placed";
        @Payload(Shape.class)
        String ORDER_FAILED = "shop:order:failed";
    }

    public sealed interface Shape permits Circle, Square {
        int id();
    }

    public record Circle(int id) implements Shape {
    }

    public record Square(int id) implements Shape {
    }

    @RequestScoped
    public static class RequestState {

        private final List<Integer> seen = new CopyOnWriteArrayList<>();

        List<Integer> seen() {
            return List.copyOf(seen);
        }

        void saw(int id) {
            seen.add(id);
        }
    }

    @ApplicationScoped
    public static class Receivers {

        private final List<String> calls = new CopyOnWriteArrayList<>();
        private final List<List<Integer>> requestStates = new CopyOnWriteArrayList<>();
        private final Map<String, EventMetadata> metadata = new ConcurrentHashMap<>();

        @Inject
        RequestState requestState;

        void circle(@Observes @Priority(1) @Named(ShopEvents.SHAPE_DRAWN) Circle circle) {
            calls.add("circle:" + circle.id());
        }

        void square(@Observes @Priority(1) @Named(ShopEvents.SHAPE_DRAWN) Square square) {
            calls.add("square:" + square.id());
        }

        void shape(@Observes @Priority(2) @Named(ShopEvents.SHAPE_DRAWN) Shape shape, EventMetadata eventMetadata) {
            calls.add("shape:" + shape.id());
            requestState.saw(shape.id());
            requestStates.add(requestState.seen());
            metadata.put(EventEmitter.nameOf(eventMetadata), eventMetadata);
        }

        void async(@ObservesAsync @Named(ShopEvents.SHAPE_DRAWN) Shape shape) {
            calls.add("async:" + shape.id());
        }

        void placed(@Observes @Named(ShopEvents.ORDER_PLACED) Shape shape, EventMetadata eventMetadata) {
            metadata.put(EventEmitter.nameOf(eventMetadata), eventMetadata);
        }

        void placedAfterSuccess(
                @Observes(during = TransactionPhase.AFTER_SUCCESS) @Named(ShopEvents.ORDER_PLACED) Shape shape) {
            calls.add("after-success");
        }

        void failingFirst(@Observes @Priority(1) @Named(ShopEvents.ORDER_FAILED) Shape shape) throws IOException {
            calls.add("failing-first");
            if (shape instanceof Circle) {
                throw new IllegalStateException("unchecked from first");
            }
        }

        void checkedSecond(@Observes @Priority(2) @Named(ShopEvents.ORDER_FAILED) Shape shape) throws IOException {
            calls.add("checked-second");
            throw new IOException("checked from second");
        }

        void third(@Observes @Priority(3) @Named(ShopEvents.ORDER_FAILED) Shape shape) {
            calls.add("third");
        }

        List<String> calls() {
            return List.copyOf(calls);
        }

        List<List<Integer>> requestStates() {
            return List.copyOf(requestStates);
        }

        RequestState requestState() {
            return requestState;
        }

        EventMetadata metadata(String name) {
            return metadata.get(name);
        }

        void clear() {
            calls.clear();
            requestStates.clear();
            metadata.clear();
        }
    }
}
