package io.quarkiverse.moduleevents.outbox.runtime;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing;
import io.quarkiverse.moduleevents.outbox.OutboxWriteException;
import io.quarkiverse.moduleevents.outbox.runtime.DurableRecordRows.DurableEvent;
import io.quarkiverse.moduleevents.spi.ReceiverRecorder;

/**
 * Records the events of the durable receivers instead of notifying them: one row per receiver in the outbox table,
 * with the transaction rules of an outgoing event ({@link OutboxWriter#write}), the payload as JSON by the
 * application's {@code ObjectMapper}, and the sender's trace context. The commit wakes the {@link DurableDelivery}, which
 * delivers them.
 */
@Singleton
public class DurableReceiverRecorder implements ReceiverRecorder {

    private final DurableReceiverSet receivers;
    private final DurableEventSubjects subjects;
    private final DurableRecordRows rows;
    private final OutboxWriter writer;
    private final DurableDelivery delivery;
    private final OutboxDataSource dataSource;
    private final ObjectMapper objectMapper;
    private final EventTracing tracing;

    @Inject
    DurableReceiverRecorder(DurableReceiverSet receivers, DurableEventSubjects subjects, DurableRecordRows rows,
            OutboxWriter writer, DurableDelivery delivery, OutboxDataSource dataSource, ObjectMapper objectMapper,
            EventTracing tracing) {
        this.tracing = tracing;
        this.receivers = receivers;
        this.subjects = subjects;
        this.rows = rows;
        this.writer = writer;
        this.delivery = delivery;
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    @Override
    public boolean records(String receiver) {
        return receivers.contains(receiver);
    }

    /**
     * @throws OutboxWriteException when the records cannot be written (the payload cannot be serialised to JSON, the
     *         database fails); inside a transaction, that transaction has then been marked rollback-only
     */
    @Override
    public void record(String module, String name, Object payload, List<String> receivers,
            List<Annotation> additionalQualifiers) {
        boolean remote = isRemote(additionalQualifiers);
        EventTraceContext trace = tracing.current();
        writer.write(() -> insert(module, name, payload, receivers, remote, trace), delivery);
    }

    private static boolean isRemote(List<Annotation> additionalQualifiers) {
        boolean remote = false;
        for (Annotation qualifier : additionalQualifiers) {
            if (!(qualifier instanceof Remote)) {
                throw new IllegalArgumentException("A durable receiver's record keeps no qualifier "
                        + qualifier + "; only @Remote");
            }
            remote = true;
        }
        return remote;
    }

    private void insert(String module, String name, Object payload, List<String> receivers, boolean remote,
            EventTraceContext trace) {
        String property = subjects.propertyOf(name);
        byte[] data;
        String subject = null;
        try {
            if (property == null) {
                data = objectMapper.writeValueAsBytes(payload);
            } else {
                // the subject as the JSON has it, read from one serialisation
                JsonNode tree = objectMapper.valueToTree(payload);
                JsonNode subjectValue = tree.get(property);
                subject = subjectValue == null || subjectValue.isNull() ? null : subjectValue.asText();
                data = objectMapper.writeValueAsBytes(tree);
            }
        } catch (Exception e) {
            throw new OutboxWriteException("Durable receivers' record not written: the payload, a "
                    + payload.getClass().getName() + ", cannot be serialised to JSON: " + e.getMessage()
                    + " [event: " + name + ", receivers: " + String.join(", ", receivers) + "]", e);
        }
        try (Connection connection = dataSource.connection()) {
            rows.insert(connection, new DurableEvent(module, name, subject, remote), receivers, data, trace);
        } catch (SQLException e) {
            throw new OutboxWriteException("Durable receivers' record not written to the outbox table of datasource '"
                    + dataSource.name() + "': " + e.getMessage() + " [event: " + name + ", receivers: "
                    + String.join(", ", receivers) + "]", e);
        }
    }
}
