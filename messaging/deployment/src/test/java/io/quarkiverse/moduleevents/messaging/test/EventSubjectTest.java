package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.messaging.EventSubject;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;

/**
 * The CloudEvents subject is the value of the payload's {@code @EventSubject} member, wherever it stands: on a getter,
 * on a field, on a member a superclass declares; a number becomes its text, and {@code null} means no subject.
 */
class EventSubjectTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(ParcelEvents.class, OnGetter.class, OnField.class,
                    Tracked.class, Inherited.class, Numbered.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.parcels.events", "parcel:*:*")
            .overrideConfigKey("quarkus.module-events.messaging.source", "post-office")
            .overrideConfigKey("mp.messaging.outgoing.parcels.connector", "smallrye-in-memory");

    @Inject
    ParcelEvents parcels;

    @Inject
    @Any
    InMemoryConnector connector;

    InMemorySink<byte[]> sink;

    @BeforeEach
    void clear() {
        sink = connector.sink("parcels");
        sink.clear();
    }

    @Test
    void onAGetter() {
        parcels.send(ParcelEvents.BY_GETTER, new OnGetter("p-1", "small"));

        assertEquals(Optional.of("p-1"), subjectOfTheOnlyMessage());
    }

    @Test
    void onAField() {
        parcels.send(ParcelEvents.BY_FIELD, new OnField("p-2", "large"));

        assertEquals(Optional.of("p-2"), subjectOfTheOnlyMessage());
    }

    @Test
    void onAMemberOfASuperclass() {
        parcels.send(ParcelEvents.INHERITED, new Inherited("p-3", "Zurich"));

        assertEquals(Optional.of("p-3"), subjectOfTheOnlyMessage());
    }

    @Test
    void aNumberBecomesItsText() {
        parcels.send(ParcelEvents.NUMBERED, new Numbered(4711L, "Bern"));

        assertEquals(Optional.of("4711"), subjectOfTheOnlyMessage());
    }

    @Test
    void nullMeansNoSubject() {
        parcels.send(ParcelEvents.BY_GETTER, new OnGetter(null, "small"));

        assertEquals(Optional.empty(), subjectOfTheOnlyMessage());
    }

    @SuppressWarnings("unchecked")
    private Optional<String> subjectOfTheOnlyMessage() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !sink.received().isEmpty());
        List<Message<byte[]>> received = (List<Message<byte[]>>) sink.received();
        assertEquals(1, received.size(), () -> "messages: " + received);
        return received.get(0).getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getSubject();
    }

    @EventModule("parcel")
    public interface ParcelEvents extends EventEmitter {
        @Payload(OnGetter.class)
        String BY_GETTER = "parcel:by-getter:sent";
        @Payload(OnField.class)
        String BY_FIELD = "parcel:by-field:sent";
        @Payload(Inherited.class)
        String INHERITED = "parcel:inherited:sent";
        @Payload(Numbered.class)
        String NUMBERED = "parcel:numbered:sent";
    }

    public static class OnGetter {

        private final String code;
        private final String size;

        public OnGetter(String code, String size) {
            this.code = code;
            this.size = size;
        }

        @EventSubject
        public String getCode() {
            return code;
        }

        public String getSize() {
            return size;
        }
    }

    public static class OnField {

        @EventSubject
        public final String label;
        public final String size;

        public OnField(String label, String size) {
            this.label = label;
            this.size = size;
        }
    }

    public abstract static class Tracked {

        private final String trackingId;

        protected Tracked(String trackingId) {
            this.trackingId = trackingId;
        }

        @EventSubject
        public String getTrackingId() {
            return trackingId;
        }
    }

    public static class Inherited extends Tracked {

        private final String destination;

        public Inherited(String trackingId, String destination) {
            super(trackingId);
            this.destination = destination;
        }

        public String getDestination() {
            return destination;
        }
    }

    public record Numbered(@EventSubject long number, String destination) {
    }
}
