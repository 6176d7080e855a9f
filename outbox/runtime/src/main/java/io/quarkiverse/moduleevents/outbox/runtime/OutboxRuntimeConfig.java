package io.quarkiverse.moduleevents.outbox.runtime;

import java.time.Duration;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Run-time configuration of the outbox.
 */
@ConfigMapping(prefix = "quarkus.module-events.outbox")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface OutboxRuntimeConfig {

    /**
     * What start-up does with the tables `module_events_outbox` and `module_events_inbox` and their indexes:
     * `create` creates whichever is missing (PostgreSQL and H2); `validate` fails the start, naming every missing
     * table and column; `none` leaves the schema to you (Flyway, Liquibase), see the docs for the DDL.
     */
    @WithDefault("create")
    SchemaManagement schemaManagement();

    /**
     * What happens to a row once the broker acknowledged it: `delete` deletes it; `keep` marks it `PUBLISHED`, with
     * the time it was published, for audit; you then delete old rows yourself. A durable receiver's record is always
     * deleted once delivered.
     */
    @WithDefault("delete")
    PublishedRetention publishedRetention();

    /**
     * The relay, which sends committed rows to the broker; the delivery of the durable receivers' records uses the
     * same settings.
     */
    Relay relay();

    /**
     * The relay: it wakes when a transaction that wrote rows commits, and polls every `poll-interval` for rows due
     * for a (new) attempt and rows left by another instance. The delivery of the durable receivers' records, on
     * threads of its own (`durable.delivery-threads`), works the same way with the same settings: a failed delivery
     * (the receiver threw) counts as a failed attempt, a temporary database failure (the database unreachable, a lock
     * time-out) does not.
     */
    interface Relay {

        /**
         * Whether this instance runs the relay. With `false` it still writes the rows in its senders' transactions and
         * leaves them to another instance of the same service on the same database, one kept apart for publishing,
         * say. The durable receivers' delivery runs either way.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * How many rows one relay transaction claims and sends at most (records, for the durable receivers'
         * delivery).
         */
        @WithDefault("100")
        int batchSize();

        /**
         * How long the relay sleeps between polls when no commit wakes it.
         */
        @WithDefault("1S")
        Duration pollInterval();

        /**
         * After how many failed sends a row becomes `DEAD`.
         */
        @WithDefault("10")
        int maxAttempts();

        /**
         * How long the relay waits before the second attempt of a row; each further attempt waits twice as long,
         * up to `max-backoff`, and a random half of the wait is jitter, so rows that failed together are not
         * retried together.
         */
        @WithDefault("1S")
        Duration initialBackoff();

        /**
         * The longest wait between two attempts of a row.
         */
        @WithDefault("5M")
        Duration maxBackoff();

        /**
         * How long the relay waits for the broker to acknowledge a batch; a row not acknowledged by then counts as a
         * failed attempt (the broker may still have it: delivery is at least once). A claim leases its rows (and the
         * durable receivers' records) for this long plus 10 seconds.
         */
        @WithDefault("30S")
        Duration sendTimeout();
    }

    /**
     * The delivery of the durable receivers' records.
     */
    Durable durable();

    /**
     * The delivery of the durable receivers' records; its claims, retries and leases follow the `relay` settings.
     */
    interface Durable {

        /**
         * How many records are delivered at the same time, each in a transaction of its own, so each takes a
         * connection of the datasource while its receiver runs. The records of one receiver and one `@EventSubject`
         * are still delivered one after the other, in the order they were written.
         */
        @WithDefault("4")
        int deliveryThreads();
    }

    /**
     * The inbox, which records the incoming events.
     */
    Inbox inbox();

    /**
     * The readiness check `module-events-outbox`, with `quarkus-smallrye-health`.
     */
    Health health();

    /**
     * The readiness check `module-events-outbox`, present when the application has `quarkus-smallrye-health`.
     */
    interface Health {

        /**
         * How old the oldest pending row of this service (a broker row or a durable receiver's record) may be before
         * the readiness check reports `DOWN`: the relay cannot publish, or a durable receiver keeps failing. `DEAD`
         * rows alone never make it `DOWN`.
         */
        @WithDefault("5M")
        Duration maxLag();
    }

    /**
     * The inbox, when it is enabled (`inbox.enabled`): it records the CloudEvents `source` and `id` of every
     * incoming event in `module_events_inbox`, and deletes each record once it is older than `retention`.
     */
    interface Inbox {

        /**
         * How long the inbox keeps the record of an incoming event; older records are deleted. It must be longer
         * than the longest time after which your broker may deliver an event again (its redelivery and retry
         * delays, and how long a consumer may be down with the event unacknowledged): an event delivered again
         * after its record was deleted is not recognized as a duplicate, and its receivers run again.
         */
        @WithDefault("7D")
        Duration retention();

        /**
         * How often the records older than `retention` are deleted, starting at start-up. They are deleted in
         * batches of 1,000 rows, each in a transaction of its own, so that a large backlog never holds many row
         * locks for long.
         */
        @WithDefault("1H")
        Duration cleanupInterval();
    }

    /**
     * What start-up does with the outbox's tables.
     */
    enum SchemaManagement {
        /** create missing tables and indexes */
        CREATE,
        /** fail the start when a table or column is missing */
        VALIDATE,
        /** do nothing */
        NONE
    }

    /**
     * What happens to a published row.
     */
    enum PublishedRetention {
        /** delete it */
        DELETE,
        /** keep it as {@code PUBLISHED} */
        KEEP
    }
}
