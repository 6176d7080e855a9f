package io.quarkiverse.moduleevents.messaging.runtime;

/**
 * The CloudEvents attributes of an incoming message as the peer wrote them, not yet checked ({@code null} when
 * absent), and its data: the body in binary mode, the envelope's {@code data} in structured mode.
 */
record IncomingCloudEvent(String specVersion, String id, String source, String type, String time, String dataSchema,
        String dataContentType, Object data) {
}
