package io.quarkiverse.moduleevents.it.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.EventMetadata;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;

/**
 * Logs every event of the user and mail modules, through their module qualifier. Its receivers run first, so the log
 * shows an event before the events that its receivers send.
 */
@ApplicationScoped
class AuditLog {

    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    void onUserEvent(@Observes @Priority(1) @EventModule("user") Object payload, EventMetadata metadata) {
        record(payload, metadata);
    }

    /** A synchronous receiver does not get what {@code sendAsync} sends, hence this one. */
    void onAsyncUserEvent(@ObservesAsync @Priority(1) @EventModule("user") Object payload, EventMetadata metadata) {
        record(payload, metadata);
    }

    void onMailEvent(@Observes @Priority(1) @EventModule("mail") Object payload, EventMetadata metadata) {
        record(payload, metadata);
    }

    List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    private void record(Object payload, EventMetadata metadata) {
        entries.add(new AuditEntry(EventEmitter.nameOf(metadata), String.valueOf(payload)));
    }
}
