package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.messaging.runtime.IncomingEventReceiver;
import io.quarkiverse.moduleevents.messaging.runtime.IncomingEventRejectedException;
import io.quarkiverse.moduleevents.messaging.test.IncomingEventsTest.Outcome;
import io.quarkiverse.moduleevents.testsupport.LogCapture;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * What a peer sends cannot forge log lines, leak its data into the log or a rejection, grow the duplicate window
 * without bound, nor stop the channel by making a receiver throw an {@link Error}.
 */
class HostilePeerTest {

    private static final String SECRET = "topsecret4711";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class,
                    FailingReceiver.class, IncomingEventsTest.class, IncomingEventsTest.Outcome.class))
            .overrideConfigKey("quarkus.module-events.messaging.incoming.user-in.events", "user:account:created")
            .overrideConfigKey("mp.messaging.incoming.user-in.connector", "smallrye-in-memory");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    FailingReceiver receiver;

    @Inject
    BridgeCounters counters;

    InMemorySource<Object> source;

    LogCapture log;

    @BeforeEach
    void listen() {
        source = connector.source("user-in");
        receiver.clear();
        log = LogCapture.of(IncomingEventReceiver.class);
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    void aTypeIdOrSourceWithLineBreaksCannotForgeALogLine() throws Exception {
        Throwable reason = send("id-1\r\nINFO forged by the id", "/peer/user",
                "user:account:created\nERROR forged by the type", "{}").await();

        assertRejected(reason, "[channel: user-in, id: id-1\\r\\nINFO forged by the id, type: user:account:created"
                + "\\nERROR forged by the type, source: /peer/user]");
        assertFalse(log.messages().isEmpty(), "the rejection was not logged");
        for (String line : log.messages()) {
            assertFalse(line.contains("\nERROR forged") || line.contains("\nINFO forged"), line);
        }
    }

    @Test
    void undecodableDataAppearsNeitherInTheReasonNorInTheLog() throws Exception {
        Throwable notJson = send(UUID.randomUUID().toString(), "/peer/user", UserEvents.ACCOUNT_CREATED,
                SECRET + " is no JSON").await();
        Throwable mismatched = send(UUID.randomUUID().toString(), "/peer/user", UserEvents.ACCOUNT_CREATED,
                "{\"id\":\"u-1\",\"name\":{\"pin\":\"" + SECRET + "\"}}").await();

        assertRejected(notJson, "Event data cannot be decoded into " + User.class.getName(),
                ": JsonParseException (line 1, column ");
        assertRejected(mismatched, ": MismatchedInputException at $.name (line 1, column ");
        for (Throwable reason : List.of(notJson, mismatched)) {
            assertNull(reason.getCause(), "the cause would carry the data");
        }
        assertFalse(log.messages().isEmpty(), "the rejections were not logged");
        for (String line : log.messages()) {
            assertFalse(line.contains(SECRET), line);
        }
    }

    @Test
    void anIdOrSourceLongerThanTheInboxStoresIsRejected() throws Exception {
        long rejected = counters.rejected("user-in");

        assertRejected(send("i".repeat(256), "/peer/user", UserEvents.ACCOUNT_CREATED, "{\"id\":\"u-1\"}").await(),
                "Event id or source is too long [channel: user-in, id: iii", "an id may have 255 characters and a"
                        + " source 1024");
        assertRejected(send("id-2", "/" + "s".repeat(1024), UserEvents.ACCOUNT_CREATED, "{\"id\":\"u-1\"}").await(),
                "Event id or source is too long");
        assertEquals(rejected + 2, counters.rejected("user-in"));

        assertNull(send("i".repeat(255), "/" + "s".repeat(1023), UserEvents.ACCOUNT_CREATED,
                "{\"id\":\"u-2\",\"name\":\"Ada\"}").await(), "the longest id and source are accepted");
        assertEquals(List.of("u-2"), receiver.received());
    }

    @Test
    void aReceiverThatThrowsAnErrorRejectsTheMessageAndTheChannelGoesOn() throws Exception {
        long rejected = counters.rejected("user-in");

        assertRejected(send(UUID.randomUUID().toString(), "/peer/user", UserEvents.ACCOUNT_CREATED,
                "{\"id\":\"u-3\",\"name\":\"assertion\"}").await(), "A receiver failed", "java.lang.AssertionError");
        assertRejected(send(UUID.randomUUID().toString(), "/peer/user", UserEvents.ACCOUNT_CREATED,
                "{\"id\":\"u-4\",\"name\":\"recursion\"}").await(), "A receiver failed",
                "java.lang.StackOverflowError");
        assertEquals(rejected + 2, counters.rejected("user-in"));

        assertNull(send(UUID.randomUUID().toString(), "/peer/user", UserEvents.ACCOUNT_CREATED,
                "{\"id\":\"u-5\",\"name\":\"Ada\"}").await());
        assertEquals(List.of("u-5"), receiver.received());
    }

    private static void assertRejected(Throwable reason, String... fragments) {
        assertTrue(reason instanceof IncomingEventRejectedException, () -> "not rejected by the bridge: " + reason);
        for (String fragment : fragments) {
            assertTrue(reason.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + reason.getMessage());
        }
    }

    private Outcome send(String id, String cloudEventSource, String type, String data) {
        Outcome outcome = new Outcome();
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        DefaultIncomingCloudEventMetadata<Object> cloudEvent = new DefaultIncomingCloudEventMetadata<>("1.0", id,
                URI.create(cloudEventSource), type, "application/json", null, null,
                null, null, bytes);
        source.send(outcome.attachTo(Message.of(bytes, Metadata.of(cloudEvent))));
        return outcome;
    }

    @ApplicationScoped
    public static class FailingReceiver {

        private final List<String> received = new CopyOnWriteArrayList<>();

        void onAccount(@Observes @Remote @Named(UserEvents.ACCOUNT_CREATED) User user) {
            switch (user.name()) {
                case "assertion" -> throw new AssertionError("the receiver's assertion failed");
                case "recursion" -> recurse(0);
                default -> received.add(user.id());
            }
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }

        List<String> received() {
            return List.copyOf(received);
        }

        void clear() {
            received.clear();
        }
    }
}
