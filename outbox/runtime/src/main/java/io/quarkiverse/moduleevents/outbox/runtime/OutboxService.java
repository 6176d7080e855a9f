package io.quarkiverse.moduleevents.outbox.runtime;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The name of this service, which scopes its outbox rows and its inbox records in a database that other services share:
 * the service part of its CloudEvents {@code source}, {@code quarkus.module-events.messaging.source}, else
 * {@code quarkus.application.name}; empty when neither is set.
 */
@Singleton
public class OutboxService {

    private final String name;

    OutboxService() {
        Config config = ConfigProvider.getConfig();
        this.name = config.getOptionalValue("quarkus.module-events.messaging.source", String.class)
                .or(() -> config.getOptionalValue("quarkus.application.name", String.class))
                .orElse("");
    }

    String name() {
        return name;
    }
}
