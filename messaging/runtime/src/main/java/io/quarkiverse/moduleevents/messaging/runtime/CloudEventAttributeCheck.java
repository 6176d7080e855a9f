package io.quarkiverse.moduleevents.messaging.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Checks the attributes of an incoming CloudEvent against what the bridge reads: {@code specversion} 1.0; {@code id},
 * {@code source} and {@code type} present and not empty; {@code source} and {@code dataschema} URI references;
 * {@code time} an RFC 3339 timestamp; {@code datacontenttype} JSON or absent. A problem names the attribute, never
 * its value.
 */
final class CloudEventAttributeCheck {

    static final String SPEC_VERSION = "1.0";

    private CloudEventAttributeCheck() {
    }

    /**
     * @return what is wrong with the first attribute that is, or {@code null} when they all are as the bridge reads
     *         them
     */
    static String problem(IncomingCloudEvent event) {
        if (event.specVersion() == null) {
            return missing("specversion");
        }
        if (!SPEC_VERSION.equals(event.specVersion())) {
            return "attribute specversion is not " + SPEC_VERSION + ", the only version the bridge reads";
        }
        if (isEmpty(event.id())) {
            return missing("id");
        }
        if (isEmpty(event.source())) {
            return missing("source");
        }
        if (isEmpty(event.type())) {
            return missing("type");
        }
        if (!isUriReference(event.source())) {
            return "attribute source is not a URI reference";
        }
        if (event.dataSchema() != null && !isUriReference(event.dataSchema())) {
            return "attribute dataschema is not a URI reference";
        }
        if (event.time() != null && !isTimestamp(event.time())) {
            return "attribute time is not an RFC 3339 timestamp";
        }
        if (event.dataContentType() != null && !isJson(event.dataContentType())) {
            return "attribute datacontenttype is not JSON; the bridge reads application/json and types ending in"
                    + " +json";
        }
        return null;
    }

    /** {@code application/json} or a structured {@code +json} type, with or without parameters */
    static boolean isJson(String contentType) {
        String mediaType = mediaType(contentType);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private static String missing(String attribute) {
        return "attribute " + attribute + " is missing or empty";
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static boolean isUriReference(String value) {
        try {
            new URI(value);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isTimestamp(String value) {
        try {
            OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
