package io.quarkiverse.moduleevents.outbox.runtime;

import java.util.Map;
import java.util.Set;
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

    /**
     * @param receivers the durable receivers, as {@code class#method}
     */
    public Supplier<DurableReceiverSet> durableReceivers(Set<String> receivers) {
        DurableReceiverSet set = new DurableReceiverSet(receivers);
        return () -> set;
    }

    /**
     * @param properties the JSON property of each event's {@code @EventSubject} member, by event name
     */
    public Supplier<DurableEventSubjects> durableEventSubjects(Map<String, String> properties) {
        DurableEventSubjects subjects = new DurableEventSubjects(properties);
        return () -> subjects;
    }
}
