package io.quarkiverse.moduleevents.messaging.runtime;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The Kafka protocol binding of CloudEvents: in binary mode, each attribute is a header {@code ce_<name>} and the
 * {@code datacontenttype} the header {@code content-type}. Used only on channels of the Kafka connector, so that
 * its optional API is loaded only there.
 */
final class KafkaCloudEvents {

    private KafkaCloudEvents() {
    }

    static IncomingCloudEvent read(Message<?> message) throws MalformedCloudEventException {
        Headers headers = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getHeaders();
        return IncomingCloudEvents.read(name -> header(headers, "ce_" + name), header(headers, "content-type"),
                message.getPayload());
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
