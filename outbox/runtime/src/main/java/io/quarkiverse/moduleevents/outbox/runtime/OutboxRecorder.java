package io.quarkiverse.moduleevents.outbox.runtime;

import java.util.function.Supplier;

import io.quarkus.runtime.annotations.Recorder;

@Recorder
public class OutboxRecorder {

    /**
     * @param dbKind a supported Quarkus database kind, {@code postgresql} or {@code h2}
     */
    public Supplier<OutboxDataSource> dataSource(String dataSourceName, String dbKind) {
        OutboxDataSource dataSource = new OutboxDataSource(dataSourceName, Dialect.of(dbKind));
        return () -> dataSource;
    }
}
