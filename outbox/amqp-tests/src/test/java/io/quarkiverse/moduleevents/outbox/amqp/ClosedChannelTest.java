package io.quarkiverse.moduleevents.outbox.amqp;

import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.outbox.OutboxAdmin;
import io.quarkiverse.moduleevents.outbox.OutboxEntry;
import io.quarkiverse.moduleevents.outbox.OutboxStatus;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRelay;
import io.quarkiverse.moduleevents.testsupport.ArtemisBroker;
import io.quarkiverse.moduleevents.testsupport.LogCapture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;

/**
 * A channel that its connector closed. The AMQP connector closes an outgoing channel for good when the broker refuses
 * a message (here one larger than the broker takes, after one retry of the connector's). The rows sent after that
 * wait in the outbox, {@code PENDING}, their attempts not counted, with an {@code ERROR} line at each relay pass; the
 * connector reports the channel in the liveness check, {@code DOWN}; nothing becomes {@code DEAD}, nothing is lost.
 */
class ClosedChannelTest {

    private static final int MAX_MESSAGE_BYTES = 65_536;
    private static final Pattern WAITING = Pattern
            .compile("the connector has closed the outgoing channel order-out, so (\\d+) rows wait");

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class))
            .overrideConfigKey("quarkus.application.name", "shop")
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:closed-channel;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.outbox.relay.send-timeout", "5S")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", OrderEvents.ORDER_PLACED)
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-amqp")
            .overrideConfigKey("mp.messaging.outgoing.order-out.address", "orders")
            .overrideConfigKey("mp.messaging.outgoing.order-out.retry-on-fail-attempts", "1")
            .overrideConfigKey("mp.messaging.outgoing.order-out.retry-on-fail-interval", "1")
            .overrideConfigKey("amqp-host", "127.0.0.1")
            .overrideConfigKey("amqp-port", String.valueOf(artemisPort()))
            .overrideConfigKey("quarkus.amqp.devservices.enabled", "false")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    OrderEvents orders;

    @Inject
    OutboxAdmin admin;

    @Test
    void rowsWaitUncountedForTheClosedChannelWhileLivenessIsDown() {
        try (LogCapture relayLog = LogCapture.of(OutboxRelay.class)) {
            send(new Order("a-1", "fits"));
            await("the broker acknowledged a-1 and the relay deleted its row", () -> admin.counts().pending() == 0);

            send(new Order("poison", "x".repeat(2 * MAX_MESSAGE_BYTES)));
            await("the liveness check reports the closed channel",
                    () -> RestAssured.get("/q/health/live").statusCode() == 503);
            RestAssured.get("/q/health/live").then().statusCode(503)
                    .body("checks.find { it.status == 'DOWN' }.data", hasKey("order-out"));

            int linesBefore = relayLog.messages().size();
            send(new Order("b-1", "after"), new Order("b-2", "after"), new Order("b-3", "after"));
            await("two relay passes found b-1, b-2 and b-3 waiting for the closed channel",
                    () -> passesWithWaitingRows(relayLog.messages().subList(linesBefore, relayLog.messages().size()),
                            3) >= 2);

            Map<String, OutboxEntry> pending = admin.list(OutboxStatus.PENDING, 10).stream()
                    .collect(Collectors.toMap(OutboxEntry::subject, Function.identity()));
            assertEquals(List.of("b-1", "b-2", "b-3", "poison"), pending.keySet().stream().sorted().toList(),
                    "every event not acknowledged is still in the outbox");
            for (String waiting : List.of("b-1", "b-2", "b-3")) {
                assertEquals(0, pending.get(waiting).attempts(), waiting + ": a send on a closed channel is no attempt");
                assertNull(pending.get(waiting).lastError(), waiting);
            }
            assertTrue(pending.get("poison").attempts() <= 1, "only the broker's refusal may count as an attempt");
            assertEquals(List.of(), admin.list(OutboxStatus.DEAD, 10), "nothing is DEAD");
        }
    }

    private void send(Order... batch) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Order order : batch) {
                orders.send(OrderEvents.ORDER_PLACED, order);
            }
        });
    }

    /**
     * @return how many of the relay's log lines say that at least {@code rows} rows wait for the closed channel
     */
    private static long passesWithWaitingRows(List<String> lines, int rows) {
        return lines.stream().map(WAITING::matcher).filter(Matcher::find)
                .filter(waiting -> Integer.parseInt(waiting.group(1)) >= rows).count();
    }

    /**
     * Waits up to a minute: a send that the emitter took just before the channel closed is settled only after
     * {@code relay.send-timeout} (5 seconds here), as waiting for the closed channel too.
     */
    private static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(condition);
    }

    /**
     * Starts the broker once: JUnit and the application each load this class.
     *
     * @return the broker's AMQP port
     */
    private static synchronized int artemisPort() {
        String key = ClosedChannelTest.class.getName() + ".artemis-port";
        String started = System.getProperty(key);
        if (started != null) {
            return Integer.parseInt(started);
        }
        ArtemisBroker artemis = new ArtemisBroker(0,
                Path.of("target", "artemis-data", UUID.randomUUID().toString()).toAbsolutePath(), false,
                List.of("orders")).rejectingMessagesOver(MAX_MESSAGE_BYTES).start();
        Runtime.getRuntime().addShutdownHook(new Thread(artemis::close));
        System.setProperty(key, String.valueOf(artemis.port()));
        return artemis.port();
    }
}
