package io.quarkiverse.moduleevents.messaging.it;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The proof application bridges the same two channels, {@code user-out} and {@code user-in}, on Kafka by default
 * and on AMQP 1.0 under the config profile {@code amqp}. Each test class picks one, so it starts only its broker and
 * the build sees the connector it will run with (the bridge contributes connector defaults at build time).
 */
public final class BrokerProfiles {

    private BrokerProfiles() {
    }

    /** The channels on Kafka ({@code smallrye-kafka}), as {@code application.properties} has them. */
    public static class Kafka implements QuarkusTestProfile {
    }

    /** The channels on AMQP 1.0 ({@code smallrye-amqp}): the {@code %amqp} keys of {@code application.properties}. */
    public static class Amqp implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "amqp";
        }
    }
}
