package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Why a message's data could not be decoded, told without the data: Jackson's own messages quote the values they
 * could not read, which must reach neither the log nor a dead-letter header. The reason names the kind of failure,
 * the JSON path and the location instead.
 */
final class DecodingFailure {

    private DecodingFailure() {
    }

    static String describe(Exception failure) {
        StringBuilder reason = new StringBuilder(failure.getClass().getSimpleName());
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            reason.append(" at ").append(path(mapping.getPath()));
        }
        if (failure instanceof JsonProcessingException processing) {
            JsonLocation location = processing.getLocation();
            if (location != null && location.getLineNr() > 0) {
                reason.append(" (line ").append(location.getLineNr()).append(", column ")
                        .append(location.getColumnNr()).append(')');
            }
        } else if (failure instanceof UnsupportedData) {
            reason.append(": ").append(failure.getMessage());
        }
        return reason.toString();
    }

    /**
     * Data that is no JSON document of the payload type, such as {@code null}; its message quotes no data.
     */
    static final class UnsupportedData extends IllegalArgumentException {

        UnsupportedData(String message) {
            super(message);
        }
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(PeerText.escape(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
