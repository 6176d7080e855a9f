package io.quarkiverse.moduleevents.messaging.spi;

/**
 * The W3C trace context of an event's sender, as the CloudEvents distributed-tracing extension carries it and the
 * outbox stores it with a row.
 *
 * @param traceparent the W3C {@code traceparent}, such as {@code 00-<trace id>-<span id>-01}
 * @param tracestate the W3C {@code tracestate}, {@code null} when there is none
 */
public record EventTraceContext(String traceparent, String tracestate) {

    /** the longest {@code traceparent} the outbox stores: the 55 characters of version {@code 00} */
    public static final int MAX_TRACEPARENT_LENGTH = 55;
    /** the longest {@code tracestate} the outbox stores: 32 members as W3C allows */
    public static final int MAX_TRACESTATE_LENGTH = 1024;

    /**
     * @return the context, or {@code null} when there is no {@code traceparent}
     */
    public static EventTraceContext of(String traceparent, String tracestate) {
        return traceparent == null ? null : new EventTraceContext(traceparent, tracestate);
    }
}
