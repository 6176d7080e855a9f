package io.quarkiverse.moduleevents.messaging.runtime;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Run-time configuration of the messaging bridge.
 */
@ConfigMapping(prefix = "quarkus.module-events.messaging")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface MessagingBridgeConfig {

    /**
     * The name of this service in the CloudEvents `source` of every outgoing event, which is `/SOURCE/MODULE`, SOURCE
     * being this value and MODULE the sending module. Defaults to `quarkus.application.name`; start-up fails when an
     * outgoing channel is configured and neither is set.
     */
    Optional<String> source();

    /**
     * How long an outgoing event may wait for the broker's acknowledgement. A send that is neither acknowledged nor
     * rejected within this time is logged as failed and counted; the sender is never blocked meanwhile.
     */
    @WithDefault("30S")
    Duration sendTimeout();

    /**
     * How many outgoing events may wait for the broker's acknowledgement at once, over all channels. An event sent
     * while this many are pending is not sent: it is logged as failed and counted, so that a slow or unreachable
     * broker never makes the application buffer without bound nor block its senders.
     */
    @WithDefault("10000")
    int maxPendingSends();

    /**
     * How incoming duplicates are recognised.
     */
    IncomingDuplicates incomingDuplicates();

    /**
     * A message of an incoming channel whose CloudEvents `source` and `id` equal those of a message received and
     * acknowledged before is acknowledged and dropped, as long as the earlier message is still remembered.
     */
    interface IncomingDuplicates {

        /**
         * How long a received message is remembered; `0S` turns the duplicate check off.
         */
        @WithDefault("10M")
        Duration window();

        /**
         * How many received messages are remembered at most, over all incoming channels; the oldest are forgotten
         * first.
         */
        @WithDefault("10000")
        int maxEntries();
    }
}
