package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;

@Recorder
public class MessagingBridgeRecorder {

    private final RuntimeValue<MessagingBridgeConfig> config;

    public MessagingBridgeRecorder(RuntimeValue<MessagingBridgeConfig> config) {
        this.config = config;
    }

    public Supplier<BridgeRoutes> routes(List<OutgoingRoute> outgoing, List<IncomingRoute> incoming,
            List<String> declaredNames, Map<String, String> incomingConnectors) {
        BridgeRoutes routes = new BridgeRoutes(outgoing, incoming, declaredNames, incomingConnectors);
        return () -> routes;
    }

    /**
     * Fails the start when a value is out of its range, when outgoing events would have no valid CloudEvents source,
     * or when a Kafka incoming channel would join a consumer group with a generated name, and so read its topic again
     * from the start on every restart.
     */
    public void checkConfiguration(boolean outgoing, List<String> kafkaIncomingChannels) {
        MessagingConfigCheck.check(config.getValue(), ConfigProvider.getConfig(), outgoing);
        checkKafkaConsumerGroups(ConfigProvider.getConfig(), kafkaIncomingChannels);
    }

    /**
     * @throws ConfigurationException when a Kafka channel would join a consumer group with a generated name: it has
     *         no {@code group.id}, and neither {@code kafka.group.id} nor {@code quarkus.application.name}, which the
     *         connector takes by default, is set
     */
    static void checkKafkaConsumerGroups(Config config, List<String> kafkaIncomingChannels) {
        if (config.getOptionalValue("quarkus.application.name", String.class).isPresent()
                || config.getOptionalValue("kafka.group.id", String.class).isPresent()) {
            return;
        }
        List<String> withoutGroup = new ArrayList<>();
        for (String channel : kafkaIncomingChannels) {
            if (config.getOptionalValue("mp.messaging.incoming." + channel + ".group.id", String.class).isEmpty()) {
                withoutGroup.add(channel);
            }
        }
        if (!withoutGroup.isEmpty()) {
            throw new ConfigurationException("Kafka incoming channels of the messaging bridge have no consumer group: "
                    + String.join(", ", withoutGroup) + "; set quarkus.application.name, or"
                    + " mp.messaging.incoming.<channel>.group.id, so that every instance of this service shares one"
                    + " group and a restart goes on where it stopped");
        }
    }
}
