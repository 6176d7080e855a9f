package io.quarkiverse.moduleevents.messaging.deployment;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;

/**
 * Build-time configuration of the messaging bridge: which declared events go out on, and come in from, which
 * SmallRye Reactive Messaging channel. The channels themselves are configured with the usual `mp.messaging.*` keys.
 */
@ConfigMapping(prefix = "quarkus.module-events.messaging")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface MessagingBridgeBuildTimeConfig {

    /**
     * The outgoing channels, by name.
     */
    @ConfigDocMapKey("channel")
    Map<String, BridgedChannel> outgoing();

    /**
     * The incoming channels, by name.
     */
    @ConfigDocMapKey("channel")
    Map<String, BridgedChannel> incoming();

    /**
     * One channel of the bridge.
     */
    interface BridgedChannel {

        /**
         * The declared event names this channel carries, or patterns of them in which `*` stands for exactly one
         * segment, such as `user:*:created` or `user:*:*`. Every name or pattern must match a declared event, and
         * every event it matches must declare its `@Payload`.
         */
        List<String> events();
    }
}
