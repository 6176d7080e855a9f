package io.quarkiverse.moduleevents.outbox.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
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
 * Every run-time value of the outbox out of its range fails the start, naming the key, the value as written and the
 * allowed range.
 */
class OutboxConfigCheckTest {

    private static final String POSITIVE = "it must be at least 1 millisecond, such as 500MS or 1S";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "relay.batch-size       | 0    | it must be at least 1",
            "relay.batch-size       | -10  | it must be at least 1",
            "relay.poll-interval    | 0    | " + POSITIVE,
            "relay.poll-interval    | PT0.0005S | " + POSITIVE,
            "relay.max-attempts     | 0    | it must be at least 1",
            "relay.initial-backoff  | -1S  | " + POSITIVE,
            "relay.initial-backoff  | 0S   | " + POSITIVE,
            "relay.max-backoff      | 500MS | it must be at least quarkus.module-events.outbox.relay.initial-backoff (1S)",
            "relay.send-timeout     | 0    | " + POSITIVE,
            "relay.send-timeout     | -30S | " + POSITIVE,
            "inbox.retention        | 0    | " + POSITIVE,
            "inbox.retention        | -7D  | " + POSITIVE,
            "inbox.cleanup-interval | 0    | " + POSITIVE,
            "health.max-lag         | 0    | " + POSITIVE,
            "health.max-lag         | -5M  | " + POSITIVE,
    })
    void aValueOutOfRangeFailsTheStartNamingKeyValueAndRange(String key, String value, String range) {
        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> check(Map.of("quarkus.module-events.outbox." + key, value)));

        assertEquals("Invalid configuration: quarkus.module-events.outbox." + key + "=" + value + " is out of range: "
                + range, failure.getMessage());
    }

    @Test
    void theDefaultsAndTheSmallestValuesPass() {
        check(Map.of());
        check(Map.of("quarkus.module-events.outbox.relay.batch-size", "1",
                "quarkus.module-events.outbox.relay.poll-interval", "1MS",
                "quarkus.module-events.outbox.relay.max-attempts", "1",
                "quarkus.module-events.outbox.relay.initial-backoff", "1MS",
                "quarkus.module-events.outbox.relay.max-backoff", "1MS",
                "quarkus.module-events.outbox.relay.send-timeout", "1MS",
                "quarkus.module-events.outbox.inbox.retention", "1MS",
                "quarkus.module-events.outbox.inbox.cleanup-interval", "1MS",
                "quarkus.module-events.outbox.health.max-lag", "1MS"));
    }

    private static void check(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(OutboxRuntimeConfig.class)
                .build();
        OutboxConfigCheck.check(config.getConfigMapping(OutboxRuntimeConfig.class), config);
    }
}
