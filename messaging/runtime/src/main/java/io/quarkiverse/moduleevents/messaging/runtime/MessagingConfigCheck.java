package io.quarkiverse.moduleevents.messaging.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.quarkiverse.moduleevents.messaging.spi.ConfigRanges;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Fails the start when a run-time value of the messaging bridge is out of its range, or when the CloudEvents source
 * of the outgoing events would not be a URI reference.
 */
final class MessagingConfigCheck {

    private static final String PREFIX = "quarkus.module-events.messaging.";
    private static final String SOURCE = PREFIX + "source";
    private static final String APPLICATION_NAME = "quarkus.application.name";

    private MessagingConfigCheck() {
    }

    /**
     * @param outgoing whether the application has outgoing channels, which need a source
     * @throws ConfigurationException naming every key whose value is out of range
     */
    static void check(MessagingBridgeConfig bridge, Config config, boolean outgoing) {
        ConfigRanges ranges = new ConfigRanges(config)
                .positive(PREFIX + "send-timeout", bridge.sendTimeout())
                .atLeast(PREFIX + "max-pending-sends", bridge.maxPendingSends(), 1)
                .notNegative(PREFIX + "incoming-duplicates.window", bridge.incomingDuplicates().window(),
                        "no duplicate check")
                .atLeast(PREFIX + "incoming-duplicates.max-entries", bridge.incomingDuplicates().maxEntries(), 1);
        if (outgoing) {
            checkSource(bridge, config, ranges);
        }
        ranges.check();
    }

    private static void checkSource(MessagingBridgeConfig bridge, Config config, ConfigRanges ranges) {
        Optional<String> application = config.getOptionalValue(APPLICATION_NAME, String.class);
        String key = bridge.source().isPresent() ? SOURCE : APPLICATION_NAME;
        String source = bridge.source().or(() -> application).orElse(null);
        if (source == null) {
            CloudEventEncoder.source(bridge);
        } else if (!isUriSegment(source)) {
            ranges.problem(key + "=" + source + " is not a valid CloudEvents source: the outgoing events' source is /"
                    + source + "/MODULE, which must be a URI reference; "
                    + (key.equals(SOURCE) ? "use" : "set " + SOURCE + " to")
                    + " letters, digits and '-', '.', '_', '~', such as " + suggestion(source));
        }
    }

    private static boolean isUriSegment(String source) {
        if (source.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI("/" + source + "/module");
            return uri.getRawPath().equals("/" + source + "/module") && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** {@code Order Service} becomes {@code order-service}. */
    private static String suggestion(String source) {
        String suggested = source.trim().toLowerCase().replaceAll("[^a-z0-9._~]+", "-").replaceAll("^-+|-+$", "");
        return suggested.isEmpty() ? "my-service" : suggested;
    }
}
