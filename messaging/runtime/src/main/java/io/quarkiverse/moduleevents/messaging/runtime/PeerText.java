package io.quarkiverse.moduleevents.messaging.runtime;

/**
 * Text that a peer chose (a CloudEvents id, type or source, a JSON property name) made safe for a log line or a
 * reason: control characters are escaped, so a peer can never start a new, forged log line.
 */
final class PeerText {

    private PeerText() {
    }

    static String escape(Object text) {
        String value = String.valueOf(text);
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (escaped == null) {
                    escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                escaped.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) c);
                });
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? value : escaped.toString();
    }
}
