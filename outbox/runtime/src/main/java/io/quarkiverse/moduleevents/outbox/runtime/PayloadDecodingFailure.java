package io.quarkiverse.moduleevents.outbox.runtime;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A durable receiver's record whose payload cannot be decoded, told without the payload: Jackson's own messages quote
 * the values they could not read, which must reach neither {@code last_error} nor the log. The message names the kind
 * of failure, the path of the property and the location instead, and the exception keeps no cause, whose message and
 * stack trace would quote them.
 */
final class PayloadDecodingFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    PayloadDecodingFailure(Class<?> payloadType, Exception failure) {
        super("The record's payload cannot be decoded into " + payloadType.getName() + ": " + describe(failure));
    }

    private static String describe(Exception failure) {
        StringBuilder reason = new StringBuilder(failure.getClass().getSimpleName());
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            reason.append(" at ").append(mapping.getPathReference());
        }
        JsonLocation location = failure instanceof JsonProcessingException processing ? processing.getLocation() : null;
        if (location != null && location.getLineNr() > 0) {
            reason.append(" (").append(location.offsetDescription()).append(')');
        }
        return reason.toString();
    }
}
