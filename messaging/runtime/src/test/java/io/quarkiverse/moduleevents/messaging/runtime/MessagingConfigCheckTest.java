package io.quarkiverse.moduleevents.messaging.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Every run-time value of the bridge out of its range fails the start, naming the key, the value as written and the
 * allowed range; an application name that makes no valid CloudEvents source fails it too.
 */
class MessagingConfigCheckTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "send-timeout                  | 0     | it must be at least 1 millisecond, such as 500MS or 1S",
            "send-timeout                  | -5S   | it must be at least 1 millisecond, such as 500MS or 1S",
            "max-pending-sends             | 0     | it must be at least 1",
            "max-pending-sends             | -1    | it must be at least 1",
            "incoming-duplicates.window    | -1S   | it must be 0S (no duplicate check) or longer",
            "incoming-duplicates.max-entries | 0   | it must be at least 1",
    })
    void aValueOutOfRangeFailsTheStartNamingKeyValueAndRange(String key, String value, String range) {
        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> check(Map.of("quarkus.module-events.messaging." + key, value), true));

        assertEquals("Invalid configuration: quarkus.module-events.messaging." + key + "=" + value
                + " is out of range: " + range, failure.getMessage());
    }

    @Test
    void theDefaultsAndTheSmallestValuesPass() {
        check(Map.of(), true);
        check(Map.of("quarkus.module-events.messaging.send-timeout", "1MS",
                "quarkus.module-events.messaging.max-pending-sends", "1",
                "quarkus.module-events.messaging.incoming-duplicates.window", "0S",
                "quarkus.module-events.messaging.incoming-duplicates.max-entries", "1"), true);
    }

    @Test
    void everyValueOutOfRangeIsNamedAtOnce() {
        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> check(Map.of("quarkus.module-events.messaging.send-timeout", "0",
                        "quarkus.module-events.messaging.max-pending-sends", "0"), true));

        assertEquals("Invalid configuration: quarkus.module-events.messaging.send-timeout=0 is out of range: it must"
                + " be at least 1 millisecond, such as 500MS or 1S; quarkus.module-events.messaging.max-pending-sends=0"
                + " is out of range: it must be at least 1", failure.getMessage());
    }

    @Test
    void anApplicationNameThatIsNoUriSegmentFailsTheStartNamingItAndSuggestingASource() {
        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> check(Map.of("quarkus.application.name", "Order Service"), true));

        assertEquals("Invalid configuration: quarkus.application.name=Order Service is not a valid CloudEvents"
                + " source: the outgoing events' source is /Order Service/MODULE, which must be a URI reference; set"
                + " quarkus.module-events.messaging.source to letters, digits and '-', '.', '_', '~', such as"
                + " order-service", failure.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "order service | order-service",
            "orders?v=2    | orders-v-2",
            "a#b           | a-b",
            "'  '          | my-service",
    })
    void aSourceThatIsNoUriSegmentFailsTheStartNamingTheBridgesKey(String source, String suggestion) {
        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> check(Map.of("quarkus.module-events.messaging.source", source), true));

        assertEquals("Invalid configuration: quarkus.module-events.messaging.source=" + source + " is not a valid"
                + " CloudEvents source: the outgoing events' source is /" + source + "/MODULE, which must be a URI"
                + " reference; use letters, digits and '-', '.', '_', '~', such as " + suggestion,
                failure.getMessage());
    }

    @Test
    void theSourceIsCheckedOnlyWhenEventsGoOut() {
        check(Map.of("quarkus.application.name", "Order Service"), false);
        check(Map.of("quarkus.module-events.messaging.source", "order-service.eu_1~a",
                "quarkus.application.name", "Order Service"), true);
    }

    /** with the source {@code shop} unless the properties name the application */
    private static void check(Map<String, String> properties, boolean outgoing) {
        Map<String, String> withSource = new HashMap<>(properties);
        if (!properties.containsKey("quarkus.application.name")) {
            withSource.putIfAbsent("quarkus.module-events.messaging.source", "shop");
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(withSource, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(MessagingBridgeConfig.class)
                .build();
        MessagingConfigCheck.check(config.getConfigMapping(MessagingBridgeConfig.class), config, outgoing);
    }
}
