package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.ReceiverFailure;
import io.quarkiverse.moduleevents.spi.SentEventForwarder;
import io.quarkus.arc.Unremovable;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A sibling extension's {@link SentEventForwarder} gets every send of the names it forwards, on the sender's thread,
 * before any local receiver runs, with {@code send}, {@code sendRobust} and {@code sendAsync} alike; what it throws is
 * the sender's as a receiver's failure would be.
 */
class SentEventForwarderTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(ParcelEvents.class, Parcel.class, Calls.class,
                    Forwarder.class, Receivers.class));

    @Inject
    ParcelEvents parcels;

    @Inject
    Calls calls;

    @BeforeEach
    void clear() {
        calls.clear();
    }

    @Test
    void sendForwardsBeforeAnyReceiverRuns() {
        parcels.send(ParcelEvents.SHIPPED, new Parcel("p-1"));

        assertEquals(List.of("forwarded parcel:parcel:shipped p-1 on " + Thread.currentThread().getName(),
                "received p-1"), calls.list());
    }

    @Test
    void aNameTheForwarderDoesNotTakeStaysLocal() {
        parcels.send(ParcelEvents.LOST, new Parcel("p-2"));

        assertEquals(List.of("received p-2"), calls.list());
    }

    @Test
    void sendThrowsWhatTheForwarderThrowsBeforeAnyReceiverRuns() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> parcels.send(ParcelEvents.SHIPPED, new Parcel(Forwarder.REFUSED)));

        assertSame(Forwarder.FAILURE, thrown);
        assertEquals(List.of(), calls.list());
    }

    @Test
    void sendRobustReportsTheForwarderAsAFailedReceiverAndStillNotifiesTheReceivers() {
        List<ReceiverFailure> failures = parcels.sendRobust(ParcelEvents.SHIPPED, new Parcel(Forwarder.REFUSED));

        assertEquals(List.of(new ReceiverFailure(Forwarder.class.getName() + "#forward", Forwarder.FAILURE)),
                failures);
        assertEquals(List.of("received " + Forwarder.REFUSED), calls.list());
    }

    @Test
    void sendAsyncForwardsOnTheSendersThreadBeforeItReturns() {
        CompletableFuture<Parcel> delivered = parcels.sendAsync(ParcelEvents.SHIPPED, new Parcel("p-3"))
                .toCompletableFuture();

        assertEquals("forwarded parcel:parcel:shipped p-3 on " + Thread.currentThread().getName(),
                calls.list().get(0), "forwarded before sendAsync returned");
        assertEquals(new Parcel("p-3"), delivered.join());
        assertEquals(List.of("forwarded parcel:parcel:shipped p-3 on " + Thread.currentThread().getName(),
                "received asynchronously p-3"), calls.list());
    }

    @Test
    void sendAsyncCompletesExceptionallyWithWhatTheForwarderThrowsWithoutNotifyingTheReceivers() {
        CompletableFuture<Parcel> delivered = parcels.sendAsync(ParcelEvents.SHIPPED, new Parcel(Forwarder.REFUSED))
                .toCompletableFuture();

        CompletionException completion = assertThrows(CompletionException.class, delivered::join);
        assertSame(Forwarder.FAILURE, completion.getCause());
        assertEquals(List.of(), calls.list());
    }

    @EventModule("parcel")
    public interface ParcelEvents extends EventEmitter {

        @Payload(Parcel.class)
        String SHIPPED = "parcel:parcel:shipped";

        @Payload(Parcel.class)
        String LOST = "parcel:parcel:lost";
    }

    public record Parcel(String id) {
    }

    /** what the forwarder and the receivers were called with, in order */
    @Singleton
    public static class Calls {

        private final List<String> calls = new CopyOnWriteArrayList<>();

        void add(String call) {
            calls.add(call);
        }

        List<String> list() {
            return List.copyOf(calls);
        }

        void clear() {
            calls.clear();
        }
    }

    /** forwards {@code parcel:parcel:shipped} only, and refuses the parcel {@value #REFUSED} */
    @Singleton
    @Unremovable
    public static class Forwarder implements SentEventForwarder {

        static final String REFUSED = "refused";
        static final IllegalStateException FAILURE = new IllegalStateException("the forwarder refused it");

        @Inject
        Calls calls;

        @Override
        public boolean forwards(String module, String name) {
            return module.equals("parcel") && name.equals(ParcelEvents.SHIPPED);
        }

        @Override
        public void forward(String module, String name, Object payload) {
            Parcel parcel = (Parcel) payload;
            if (parcel.id().equals(REFUSED)) {
                throw FAILURE;
            }
            calls.add("forwarded " + name + " " + parcel.id() + " on " + Thread.currentThread().getName());
        }
    }

    @Singleton
    public static class Receivers {

        @Inject
        Calls calls;

        void onParcel(@Observes @Named(ParcelEvents.SHIPPED) Parcel parcel) {
            calls.add("received " + parcel.id());
        }

        void onLostParcel(@Observes @Named(ParcelEvents.LOST) Parcel parcel) {
            calls.add("received " + parcel.id());
        }

        void onParcelAsynchronously(@ObservesAsync @Named(ParcelEvents.SHIPPED) Parcel parcel) {
            calls.add("received asynchronously " + parcel.id());
        }
    }
}
