package io.quarkiverse.moduleevents.messaging.runtime;

import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;

/**
 * The CloudEvents attributes of an incoming message as the peer wrote them, not yet checked ({@code null} when
 * absent), and its data: the body in binary mode, the envelope's {@code data} in structured mode. {@code trace} is
 * the distributed-tracing extension, {@code null} when the message has no {@code traceparent}.
 */
record IncomingCloudEvent(String specVersion, String id, String source, String type, String time, String dataSchema,
        String dataContentType, Object data, EventTraceContext trace) {
}
