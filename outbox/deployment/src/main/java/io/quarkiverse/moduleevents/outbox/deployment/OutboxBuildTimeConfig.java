package io.quarkiverse.moduleevents.outbox.deployment;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;

/**
 * Build-time configuration of the outbox.
 */
@ConfigMapping(prefix = "quarkus.module-events.outbox")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface OutboxBuildTimeConfig {

    /**
     * The name of the datasource that holds the outbox and inbox tables, as in `quarkus.datasource."NAME".*`; the
     * default datasource when unset. It must be a JDBC datasource of kind `postgresql` or `h2` that takes part in
     * JTA transactions, and it should be the one your business data lives in: only then does an event commit or
     * roll back with the work that sent it.
     */
    Optional<String> datasource();

    /**
     * The inbox.
     */
    Inbox inbox();

    /**
     * The inbox, which deduplicates incoming events.
     */
    interface Inbox {

        /**
         * Whether incoming events run their synchronous receivers in a transaction that records the event's
         * CloudEvents `source` and `id` in `module_events_inbox`, so that an event the broker delivers again is
         * dropped and the receivers' database effects happen once. Defaults to `true` when the application has
         * incoming bridged channels.
         */
        Optional<Boolean> enabled();
    }
}
