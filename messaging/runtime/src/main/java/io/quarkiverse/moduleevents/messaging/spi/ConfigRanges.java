package io.quarkiverse.moduleevents.messaging.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Collects the configuration values that are out of their allowed range, then fails the start once, naming for each
 * the key, the value and the range: {@code quarkus.module-events.outbox.relay.batch-size=0 is out of range: it must be
 * at least 1}.
 */
public final class ConfigRanges {

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param config where a problem's value is read as it was written, such as {@code 0} rather than {@code PT0S}
     */
    public ConfigRanges(Config config) {
        this.config = config;
    }

    public ConfigRanges atLeast(String key, long value, long minimum) {
        if (value < minimum) {
            outOfRange(key, String.valueOf(value), "it must be at least " + minimum);
        }
        return this;
    }

    /**
     * At least one millisecond: the time-outs and intervals are waited for in milliseconds, and a shorter one would
     * be none.
     */
    public ConfigRanges positive(String key, Duration value) {
        if (value.toMillis() < 1) {
            outOfRange(key, value.toString(), "it must be at least 1 millisecond, such as 500MS or 1S");
        }
        return this;
    }

    public ConfigRanges notNegative(String key, Duration value, String whatZeroMeans) {
        if (value.isNegative()) {
            outOfRange(key, value.toString(), "it must be 0S (" + whatZeroMeans + ") or longer");
        }
        return this;
    }

    public ConfigRanges notShorterThan(String key, Duration value, String otherKey, Duration other) {
        if (value.compareTo(other) < 0) {
            outOfRange(key, value.toString(), "it must be at least " + otherKey + " (" + rawValue(otherKey,
                    other.toString()) + ")");
        }
        return this;
    }

    /**
     * @param problem a whole message: the key, the value and what is allowed
     */
    public ConfigRanges problem(String problem) {
        problems.add(problem);
        return this;
    }

    /**
     * @throws ConfigurationException naming every value out of range
     */
    public void check() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid configuration: " + String.join("; ", problems));
        }
    }

    private void outOfRange(String key, String value, String range) {
        problems.add(key + "=" + rawValue(key, value) + " is out of range: " + range);
    }

    private String rawValue(String key, String parsed) {
        String raw = config.getConfigValue(key).getValue();
        return raw == null ? parsed : raw;
    }
}
