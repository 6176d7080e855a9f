package io.quarkiverse.moduleevents.testsupport;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.jboss.logging.Logger;

/**
 * An embedded ActiveMQ Artemis broker with a single AMQP 1.0 acceptor on {@code 127.0.0.1:port}; security off.
 * <p>
 * The port and the data directory are fixed for the life of this object, so {@link #stop()} followed by
 * {@link #start()} (or {@link #restart()}) brings the broker back where clients expect it, with its journal: with
 * persistence on (the default) durable messages that were not consumed survive the restart, and the pre-created
 * queues are there again either way.
 * <p>
 * Queue specifications (see {@link #parseQueue(String)}):
 * <ul>
 * <li>{@code name}: an ANYCAST address {@code name} with one queue {@code name} (point to point);</li>
 * <li>{@code address::queue}: a MULTICAST address {@code address} with a queue {@code queue}; give several queues
 * of the same address to fan out, and consume one of them through its fully qualified name
 * {@code address::queue}.</li>
 * </ul>
 * Messages sent to an address that has no queue are dropped by Artemis, hence the pre-creation. As a safety net,
 * addresses and queues that clients name and nobody pre-created are auto-created ANYCAST (Artemis' default would be
 * MULTICAST without a queue, i.e. silent loss). Rejected or undeliverable messages go to the pre-created {@code DLQ}
 * after {@link #MAX_DELIVERY_ATTEMPTS} attempts; expired ones to {@code ExpiryQueue}.
 * <p>
 * Artemis has no limit on the size of one AMQP message (a large one is stored as a "large message"), so
 * {@link #rejectingMessagesOver(int)} adds one, as a broker plugin that refuses such a message before it is routed: the
 * sender gets the AMQP outcome {@code rejected}, as from a broker whose policy limits message sizes.
 */
public final class ArtemisBroker implements AutoCloseable {

    public static final String DLQ = "DLQ";
    public static final String EXPIRY_QUEUE = "ExpiryQueue";
    public static final int MAX_DELIVERY_ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(ArtemisBroker.class);

    private final String host = FreePorts.HOST;
    private final int port;
    private final Path dataDir;
    private final boolean persistent;
    private final List<QueueConfiguration> queues;
    private int maxMessageBytes = -1;
    private EmbeddedActiveMQ server;

    /**
     * @param port a fixed port, or 0 to pick a free one now (kept across restarts)
     * @param dataDir journal, bindings, paging and large-message directories; wiped by {@link #close()}
     * @param persistent whether the journal is written (durable messages survive {@link #restart()})
     * @param queueSpecs queues to pre-create, see the class comment
     */
    public ArtemisBroker(int port, Path dataDir, boolean persistent, List<String> queueSpecs) {
        this.port = port == 0 ? FreePorts.next() : port;
        this.dataDir = dataDir;
        this.persistent = persistent;
        this.queues = Stream.concat(Stream.of(DLQ, EXPIRY_QUEUE), queueSpecs.stream())
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().map(ArtemisBroker::parseQueue).toList();
    }

    /** {@code name} → ANYCAST queue {@code name} on address {@code name}; {@code a::q} → MULTICAST queue q on a. */
    static QueueConfiguration parseQueue(String spec) {
        int sep = spec.indexOf("::");
        if (sep < 0) {
            return QueueConfiguration.of(spec).setAddress(spec).setRoutingType(RoutingType.ANYCAST).setDurable(true);
        }
        String address = spec.substring(0, sep);
        String queue = spec.substring(sep + 2);
        return QueueConfiguration.of(queue).setAddress(address).setRoutingType(RoutingType.MULTICAST).setDurable(true);
    }

    /** From the next {@link #start()} on, rejects every message whose encoded size is over {@code bytes}. */
    public synchronized ArtemisBroker rejectingMessagesOver(int bytes) {
        this.maxMessageBytes = bytes;
        return this;
    }

    public synchronized ArtemisBroker start() {
        if (server != null) {
            return this;
        }
        long t0 = System.nanoTime();
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ().setConfiguration(configuration());
        try {
            embedded.start();
        } catch (Exception e) {
            throw new IllegalStateException("Artemis did not start on " + host + ":" + port, e);
        }
        if (!embedded.getActiveMQServer().isActive()) {
            throw new IllegalStateException("Artemis started but is not active on " + host + ":" + port);
        }
        server = embedded;
        LOG.infof("Artemis AMQP broker up on %s:%d in %d ms (persistent=%s, queues=%s)", host, port,
                (System.nanoTime() - t0) / 1_000_000, persistent, queues.stream().map(this::describe).toList());
        return this;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Artemis did not stop cleanly", e);
        } finally {
            server = null;
        }
        LOG.infof("Artemis AMQP broker on %s:%d stopped", host, port);
    }

    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The running server, e.g. to count messages of a queue; {@code null} while stopped. */
    public synchronized EmbeddedActiveMQ server() {
        return server;
    }

    /** Creates durable queues now, in the specifications of the class comment; they survive restarts. */
    public synchronized void createQueues(String... specs) {
        if (server == null) {
            throw new IllegalStateException("broker stopped");
        }
        for (String spec : specs) {
            try {
                server.getActiveMQServer().createQueue(parseQueue(spec).setAutoCreateAddress(true)
                        .setAutoCreated(false));
            } catch (Exception e) {
                throw new IllegalStateException("Could not create the queue " + spec, e);
            }
        }
    }

    /** Messages currently held in a queue (not acknowledged), or -1 when the queue does not exist. */
    public synchronized long messageCount(String queue) {
        if (server == null) {
            throw new IllegalStateException("broker stopped");
        }
        var q = server.getActiveMQServer().locateQueue(queue);
        return q == null ? -1 : q.getMessageCount();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            Directories.deleteRecursively(dataDir);
        }
    }

    private Configuration configuration() {
        Configuration config = new ConfigurationImpl()
                .setName("module-events-it")
                .setSecurityEnabled(false)
                .setPersistenceEnabled(persistent)
                .setJournalType(JournalType.NIO)
                .setJournalFileSize(1024 * 1024)
                .setJournalMinFiles(2)
                .setJournalPoolFiles(2)
                .setJournalDatasync(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dataDir.resolve("lock").toString())
                .setJMXManagementEnabled(false)
                .setCriticalAnalyzer(false)
                // do not block producers because the build machine's disk is fairly full
                .setMaxDiskUsage(-1)
                .setAddressQueueScanPeriod(500);
        try {
            // epoll off: same Netty NIO transport on every OS; amqpIdleTimeout default
            config.addAcceptorConfiguration("amqp",
                    "tcp://" + host + ":" + port + "?protocols=AMQP;useEpoll=false;useKQueue=false");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        config.addAddressSetting("#", new AddressSettings()
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false)
                .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(DLQ))
                .setExpiryAddress(org.apache.activemq.artemis.api.core.SimpleString.of(EXPIRY_QUEUE))
                .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                .setRedeliveryDelay(0));
        queues.forEach(config::addQueueConfiguration);
        if (maxMessageBytes >= 0) {
            config.registerBrokerPlugin(new MessageSizeLimit(maxMessageBytes));
        }
        return config;
    }

    private record MessageSizeLimit(int maxBytes) implements ActiveMQServerMessagePlugin {

        @Override
        public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                boolean noAutoCreateQueue) throws ActiveMQException {
            long size = message.getWholeMessageSize();
            if (size > maxBytes) {
                throw new ActiveMQException(ActiveMQExceptionType.GENERIC_EXCEPTION, "Message of " + size
                        + " bytes refused: this broker takes at most " + maxBytes + " bytes per message");
            }
        }
    }

    private String describe(QueueConfiguration q) {
        return q.getAddress() + "::" + q.getName() + "(" + q.getRoutingType() + ")";
    }
}
