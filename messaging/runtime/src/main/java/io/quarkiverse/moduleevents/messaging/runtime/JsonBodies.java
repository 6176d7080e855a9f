package io.quarkiverse.moduleevents.messaging.runtime;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The bytes of a message body in the forms the connectors hand it over: bytes, a Vert.x {@code Buffer} or
 * {@code JsonObject}, or a {@code String}.
 */
final class JsonBodies {

    static final String FORMS = "byte[], Buffer, JsonObject or String";

    private JsonBodies() {
    }

    /**
     * @return {@code null} when the body has none of these forms
     */
    static byte[] bytes(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof Buffer buffer) {
            return buffer.getBytes();
        }
        if (body instanceof io.vertx.mutiny.core.buffer.Buffer buffer) {
            return buffer.getBytes();
        }
        if (body instanceof JsonObject json) {
            return json.toBuffer().getBytes();
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }
}
