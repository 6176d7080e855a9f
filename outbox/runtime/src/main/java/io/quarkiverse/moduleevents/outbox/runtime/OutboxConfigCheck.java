package io.quarkiverse.moduleevents.outbox.runtime;

import org.eclipse.microprofile.config.Config;

import io.quarkiverse.moduleevents.messaging.spi.ConfigRanges;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Fails the start when a run-time value of the outbox is out of its range.
 */
final class OutboxConfigCheck {

    private static final String RELAY = "quarkus.module-events.outbox.relay.";
    private static final String INBOX = "quarkus.module-events.outbox.inbox.";
    private static final String HEALTH = "quarkus.module-events.outbox.health.";
    private static final String DURABLE = "quarkus.module-events.outbox.durable.";

    private OutboxConfigCheck() {
    }

    /**
     * @throws ConfigurationException naming every key whose value is out of range
     */
    static void check(OutboxRuntimeConfig outbox, Config config) {
        OutboxRuntimeConfig.Relay relay = outbox.relay();
        OutboxRuntimeConfig.Inbox inbox = outbox.inbox();
        new ConfigRanges(config)
                .atLeast(RELAY + "batch-size", relay.batchSize(), 1)
                .positive(RELAY + "poll-interval", relay.pollInterval())
                .atLeast(RELAY + "max-attempts", relay.maxAttempts(), 1)
                .positive(RELAY + "initial-backoff", relay.initialBackoff())
                .notShorterThan(RELAY + "max-backoff", relay.maxBackoff(), RELAY + "initial-backoff",
                        relay.initialBackoff())
                .positive(RELAY + "send-timeout", relay.sendTimeout())
                .atLeast(DURABLE + "delivery-threads", outbox.durable().deliveryThreads(), 1)
                .positive(INBOX + "retention", inbox.retention())
                .positive(INBOX + "cleanup-interval", inbox.cleanupInterval())
                .positive(HEALTH + "max-lag", outbox.health().maxLag())
                .check();
    }
}
