package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Qualifier;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.ReceiverFailure;
import io.quarkiverse.moduleevents.spi.DeclaredEventFiring;
import io.quarkiverse.moduleevents.spi.ReceiverRecorder;
import io.quarkiverse.moduleevents.spi.SentEventForwarder;
import io.quarkus.arc.Unremovable;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A sibling extension's {@link ReceiverRecorder} gets, instead of the emitter notifying them, the receivers it records:
 * on the sender's thread, after the {@link SentEventForwarder} and before any other receiver, with {@code send},
 * {@code sendRobust}, {@code sendAsync} and {@link DeclaredEventFiring#fire} alike; and
 * {@link DeclaredEventFiring#notifyReceiver} later notifies one recorded receiver as the send would have.
 */
class ReceiverRecorderTest {

    private static final String RECORDED_EXACT = Receivers.class.getName() + "#recordedExact";
    private static final String RECORDED_PATTERN = Receivers.class.getName() + "#recordedPattern";
    private static final String RECORDED_MODULE_WIDE = Receivers.class.getName() + "#recordedModuleWide";
    private static final String RECORDED_WITH_QUALIFIER = Receivers.class.getName() + "#recordedWithQualifier";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(ParcelEvents.class, Parcel.class, Calls.class,
                    Forwarder.class, Recorder.class, Receivers.class, Imported.class, RequestState.class));

    @Inject
    ParcelEvents parcels;

    @Inject
    Calls calls;

    @Inject
    DeclaredEventFiring firing;

    @BeforeEach
    void clear() {
        calls.clear();
    }

    @Test
    void sendRecordsAfterTheForwarderAndBeforeTheOtherReceiversWithoutNotifyingTheRecordedOnes() {
        parcels.send(ParcelEvents.SHIPPED, new Parcel("p-1"));

        assertEquals(List.of("forwarded p-1",
                "recorded parcel:parcel:shipped p-1 for " + new TreeSet<>(List.of(RECORDED_EXACT,
                        RECORDED_PATTERN, RECORDED_MODULE_WIDE)) + " with [] on " + Thread.currentThread().getName(),
                "received p-1"), calls.list());
    }

    @Test
    void onlyTheRecordedReceiversOfTheNameAndPayloadAreRecorded() {
        parcels.send(ParcelEvents.LOST, new Parcel("p-2"));

        assertEquals(List.of("recorded parcel:parcel:lost p-2 for " + List.of(RECORDED_MODULE_WIDE) + " with [] on "
                + Thread.currentThread().getName()), calls.list());
        calls.clear();

        parcels.send(ParcelEvents.RETURNED, "p-3");

        assertEquals(List.of("received returned p-3"), calls.list(), "the module-wide receiver observes Parcels only");
    }

    @Test
    void sendThrowsWhatTheRecorderThrowsBeforeAnyOtherReceiverRuns() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> parcels.send(ParcelEvents.SHIPPED, new Parcel(Recorder.REFUSED)));

        assertSame(Recorder.FAILURE, thrown);
        assertEquals(List.of("forwarded " + Recorder.REFUSED), calls.list());
    }

    @Test
    void sendRobustReportsTheRecorderAsAFailedReceiverAndStillNotifiesTheOthers() {
        List<ReceiverFailure> failures = parcels.sendRobust(ParcelEvents.SHIPPED, new Parcel(Recorder.REFUSED));

        assertEquals(List.of(new ReceiverFailure(Recorder.class.getName() + "#record", Recorder.FAILURE)), failures);
        assertEquals(List.of("forwarded " + Recorder.REFUSED, "received " + Recorder.REFUSED), calls.list());
    }

    @Test
    void sendAsyncRecordsOnTheSendersThreadBeforeItReturns() {
        CompletableFuture<Parcel> delivered = parcels.sendAsync(ParcelEvents.SHIPPED, new Parcel("p-4"))
                .toCompletableFuture();

        assertEquals("recorded parcel:parcel:shipped p-4 for " + new TreeSet<>(List.of(RECORDED_EXACT,
                RECORDED_PATTERN, RECORDED_MODULE_WIDE)) + " with [] on " + Thread.currentThread().getName(),
                calls.list().get(1),
                "recorded before sendAsync returned");
        assertEquals(new Parcel("p-4"), delivered.join());
        assertEquals("received asynchronously p-4", calls.list().get(2));
        assertEquals(3, calls.list().size());
    }

    @Test
    void sendAsyncCompletesExceptionallyWithWhatTheRecorderThrowsWithoutNotifyingTheReceivers() {
        CompletableFuture<Parcel> delivered = parcels.sendAsync(ParcelEvents.SHIPPED, new Parcel(Recorder.REFUSED))
                .toCompletableFuture();

        CompletionException completion = assertThrows(CompletionException.class, delivered::join);
        assertSame(Recorder.FAILURE, completion.getCause());
        assertEquals(List.of("forwarded " + Recorder.REFUSED), calls.list());
    }

    @Test
    void firedEventsAreRecordedWithTheirAdditionalQualifiersAndNotForwarded() {
        firing.fire("parcel", ParcelEvents.SHIPPED, new Parcel("p-5"), Imported.Literal.INSTANCE);

        assertEquals(List.of("recorded parcel:parcel:shipped p-5 for " + new TreeSet<>(List.of(RECORDED_EXACT,
                RECORDED_PATTERN, RECORDED_MODULE_WIDE, RECORDED_WITH_QUALIFIER)) + " with [" + Imported.Literal.INSTANCE
                + "] on "
                + Thread.currentThread().getName(), "received p-5"), calls.list());
    }

    @Test
    void notifyReceiverNotifiesOneRecordedReceiverAsTheSendWouldHave() {
        firing.notifyReceiver("parcel", ParcelEvents.SHIPPED, new Parcel("p-6"), RECORDED_PATTERN);
        firing.notifyReceiver("parcel", ParcelEvents.LOST, new Parcel("p-7"), RECORDED_MODULE_WIDE);
        firing.notifyReceiver("parcel", ParcelEvents.SHIPPED, new Parcel("p-8"), RECORDED_WITH_QUALIFIER,
                Imported.Literal.INSTANCE);

        assertEquals(List.of("pattern parcel:parcel:shipped p-6 request-context-active",
                "module-wide parcel:parcel:lost p-7", "imported p-8"), calls.list());
    }

    @Test
    void notifyReceiverThrowsWhatTheReceiverThrows() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> firing.notifyReceiver("parcel", ParcelEvents.SHIPPED, new Parcel(Receivers.FAILING),
                        RECORDED_EXACT));

        assertEquals("recorded receiver failed for " + Receivers.FAILING, thrown.getMessage());
    }

    @Test
    void notifyReceiverRefusesAReceiverThatDoesNotObserveTheEvent() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> firing.notifyReceiver("parcel", ParcelEvents.LOST, new Parcel("p-9"), RECORDED_EXACT));

        assertTrue(thrown.getMessage().startsWith("No receiver " + RECORDED_EXACT + " observes this event"),
                thrown.getMessage());
        assertTrue(thrown.getMessage().contains(RECORDED_MODULE_WIDE), thrown.getMessage());
        assertEquals(List.of(), calls.list());
    }

    @Test
    void payloadTypeIsTheEventsPayload() {
        assertEquals(Parcel.class, firing.payloadType("parcel", ParcelEvents.SHIPPED));
        assertEquals(null, firing.payloadType("parcel", ParcelEvents.RETURNED));
        assertThrows(IllegalArgumentException.class, () -> firing.payloadType("parcel", "parcel:parcel:unknown"));
    }

    @EventModule("parcel")
    public interface ParcelEvents extends EventEmitter {

        @Payload(Parcel.class)
        String SHIPPED = "parcel:parcel:shipped";

        @Payload(Parcel.class)
        String LOST = "parcel:parcel:lost";

        String RETURNED = "parcel:parcel:returned";
    }

    public record Parcel(String id) {
    }

    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE })
    public @interface Imported {

        final class Literal extends AnnotationLiteral<Imported> implements Imported {
            static final Literal INSTANCE = new Literal();
        }
    }

    /** what the forwarder, the recorder and the receivers were called with, in order */
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

    @Singleton
    @Unremovable
    public static class Forwarder implements SentEventForwarder {

        @Inject
        Calls calls;

        @Override
        public boolean forwards(String module, String name) {
            return name.equals(ParcelEvents.SHIPPED);
        }

        @Override
        public void forward(String module, String name, Object payload) {
            calls.add("forwarded " + ((Parcel) payload).id());
        }
    }

    /** records the receivers whose method starts with {@code recorded}, and refuses the parcel {@value #REFUSED} */
    @Singleton
    @Unremovable
    public static class Recorder implements ReceiverRecorder {

        static final String REFUSED = "refused";
        static final IllegalStateException FAILURE = new IllegalStateException("the recorder refused it");

        @Inject
        Calls calls;

        @Override
        public boolean records(String receiver) {
            return receiver.startsWith(Receivers.class.getName() + "#recorded");
        }

        @Override
        public void record(String module, String name, Object payload, List<String> receivers,
                List<Annotation> additionalQualifiers) {
            String id = payload instanceof Parcel parcel ? parcel.id() : payload.toString();
            if (id.equals(REFUSED)) {
                throw FAILURE;
            }
            // receivers of one priority come in no defined order
            calls.add("recorded " + name + " " + id + " for " + new TreeSet<>(receivers) + " with " + additionalQualifiers
                    + " on "
                    + Thread.currentThread().getName());
        }
    }

    @RequestScoped
    public static class RequestState {

        String state() {
            return "request-context-active";
        }
    }

    @Singleton
    public static class Receivers {

        static final String FAILING = "failing";

        @Inject
        Calls calls;

        @Inject
        RequestState requestState;

        void onParcel(@Observes @Named(ParcelEvents.SHIPPED) Parcel parcel) {
            calls.add("received " + parcel.id());
        }

        void onReturned(@Observes @Named(ParcelEvents.RETURNED) String parcel) {
            calls.add("received returned " + parcel);
        }

        void onParcelAsynchronously(@ObservesAsync @Named(ParcelEvents.SHIPPED) Parcel parcel) {
            calls.add("received asynchronously " + parcel.id());
        }

        void recordedExact(@Observes @Named(ParcelEvents.SHIPPED) Parcel parcel) {
            if (parcel.id().equals(FAILING)) {
                throw new IllegalStateException("recorded receiver failed for " + parcel.id());
            }
            calls.add("exact " + parcel.id());
        }

        void recordedPattern(@Observes @Named("parcel:*:shipped") Parcel parcel, EventMetadata metadata) {
            calls.add("pattern " + EventEmitter.nameOf(metadata) + " " + parcel.id() + " " + requestState.state());
        }

        void recordedModuleWide(@Observes @EventModule("parcel") Parcel parcel, EventMetadata metadata) {
            calls.add("module-wide " + EventEmitter.nameOf(metadata) + " " + parcel.id());
        }

        void recordedWithQualifier(@Observes @Imported @Named(ParcelEvents.SHIPPED) Parcel parcel) {
            calls.add("imported " + parcel.id());
        }
    }
}
