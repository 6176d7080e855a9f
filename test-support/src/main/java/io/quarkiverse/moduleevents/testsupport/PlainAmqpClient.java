package io.quarkiverse.moduleevents.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiver;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A plain AMQP 1.0 client (Vert.x AMQP client on Proton-J, its own Vert.x instance), independent of SmallRye
 * Reactive Messaging, to read and write what is really on the broker.
 */
public final class PlainAmqpClient implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;
    private final AmqpConnection connection;

    public PlainAmqpClient(String host, int port) {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(host).setPort(port)
                .setConnectTimeout(5_000));
        connection = await(client.connect());
    }

    /** Starts receiving (auto-accept) from an address or a fully qualified queue name {@code address::queue}. */
    public Received receive(String address) {
        List<AmqpMessage> messages = new CopyOnWriteArrayList<>();
        AmqpReceiver receiver = await(connection.createReceiver(address));
        receiver.handler(messages::add);
        return new Received(receiver, messages);
    }

    /** Takes (and accepts) every message of an address or queue, until none has come for {@code quiet}. */
    public List<AmqpMessage> drain(String address, Duration quiet) {
        Received received = receive(address);
        int seen = -1;
        long quietSince = System.nanoTime();
        while (received.messages().size() != seen || System.nanoTime() - quietSince < quiet.toNanos()) {
            if (received.messages().size() != seen) {
                seen = received.messages().size();
                quietSince = System.nanoTime();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop(received);
        return List.copyOf(received.messages());
    }

    /** Sends a durable message and waits for the broker's disposition (accepted). */
    public void sendDurable(String address, String body, Map<String, Object> applicationProperties) {
        AmqpSender sender = await(connection.createSender(address));
        try {
            await(sender.sendWithAck(AmqpMessage.create().durable(true).withBody(body)
                    .applicationProperties(new JsonObject(applicationProperties)).build()));
        } finally {
            await(sender.close());
        }
    }

    /** Sends a message and waits for the broker's disposition (accepted). */
    public void send(String address, AmqpMessage message) {
        AmqpSender sender = await(connection.createSender(address));
        try {
            await(sender.sendWithAck(message));
        } finally {
            await(sender.close());
        }
    }

    /** Stops receiving; messages not yet delivered to this receiver stay on the broker. */
    public static void stop(Received received) {
        await(received.receiver().close());
    }

    @Override
    public void close() {
        try {
            await(connection.close());
        } catch (RuntimeException ignored) {
            // the broker may already be gone
        }
        try {
            await(client.close());
        } catch (RuntimeException ignored) {
        }
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages accepted so far by one receiver. */
    public record Received(AmqpReceiver receiver, List<AmqpMessage> messages) {

        public AmqpMessage awaitOne(Predicate<AmqpMessage> match, Duration timeout) {
            return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> messages.stream().filter(match).findFirst().orElse(null), m -> m != null);
        }
    }
}
