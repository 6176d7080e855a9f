package io.quarkiverse.moduleevents.messaging.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The start-up check of Kafka consumer groups. A Quarkus build always names the application after its artifact, so an
 * application started from a Maven or Gradle build never fails it; it guards applications whose name was removed, and
 * it is tested here on the configuration alone, since no packaged application can lack the name.
 */
class KafkaConsumerGroupCheckTest {

    private static final List<String> CHANNELS = List.of("user-in", "orders-in");

    @Test
    void aChannelWithoutAnyGroupFailsTheStartNamingItAndTheFix() {
        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> MessagingBridgeRecorder.checkKafkaConsumerGroups(
                        config(Map.of("mp.messaging.incoming.user-in.group.id", "mail")), CHANNELS));
        assertEquals("Kafka incoming channels of the messaging bridge have no consumer group: orders-in; set"
                + " quarkus.application.name, or mp.messaging.incoming.<channel>.group.id, so that every instance of"
                + " this service shares one group and a restart goes on where it stopped", failure.getMessage());
    }

    @Test
    void theApplicationNameOrAGlobalGroupIsEnough() {
        MessagingBridgeRecorder.checkKafkaConsumerGroups(config(Map.of("quarkus.application.name", "mail-service")),
                CHANNELS);
        MessagingBridgeRecorder.checkKafkaConsumerGroups(config(Map.of("kafka.group.id", "mail")), CHANNELS);
    }

    @Test
    void everyChannelWithItsOwnGroupIsEnough() {
        MessagingBridgeRecorder.checkKafkaConsumerGroups(config(Map.of("mp.messaging.incoming.user-in.group.id",
                "mail", "mp.messaging.incoming.orders-in.group.id", "mail")), CHANNELS);
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }
}
