package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The latest {@link OutboxSnapshot}, read again once it is older than {@value #MAX_AGE_MILLIS} ms: every gauge of a
 * scrape and the readiness check share one query, however often they are read.
 */
@Singleton
public class OutboxSnapshots {

    private static final long MAX_AGE_MILLIS = 1000;

    private final OutboxDataSource dataSource;
    private final OutboxRows outboxRows;
    private final Clock clock = Clock.systemUTC();
    private Instant takenAt;
    private OutboxSnapshot latest;

    @Inject
    OutboxSnapshots(OutboxDataSource dataSource, OutboxRows outboxRows) {
        this.dataSource = dataSource;
        this.outboxRows = outboxRows;
    }

    /**
     * @return a snapshot at most {@value #MAX_AGE_MILLIS} ms old
     * @throws IllegalStateException when the database cannot be read
     */
    public synchronized OutboxSnapshot current() {
        Instant now = clock.instant();
        if (latest == null || Duration.between(takenAt, now).toMillis() >= MAX_AGE_MILLIS) {
            try {
                latest = outboxRows.snapshot();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot count the outbox's rows in datasource '" + dataSource.name()
                        + "': " + e.getMessage(), e);
            }
            takenAt = now;
        }
        return latest;
    }
}
