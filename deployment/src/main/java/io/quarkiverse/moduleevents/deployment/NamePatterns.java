package io.quarkiverse.moduleevents.deployment;

/**
 * Receiver patterns: event names in which {@code *} stands for exactly one segment, such as {@code user:*:created}.
 * Public for the sibling extensions, whose configuration selects events with the same patterns.
 */
public final class NamePatterns {

    public static final String WILDCARD = "*";

    private NamePatterns() {
    }

    /**
     * @return whether a {@code @Named} value is meant as an event name or a pattern of event names, rather than as a
     *         plain CDI name: it holds a {@code :}
     */
    public static boolean isEventName(String value) {
        return value != null && value.indexOf(':') >= 0;
    }

    /**
     * @return whether a {@code @Named} value is meant as a pattern of event names
     */
    public static boolean isPattern(String value) {
        return isEventName(value) && value.indexOf('*') >= 0;
    }

    /**
     * @return whether every {@code *} of the pattern stands for a whole segment, as in {@code user:*:created}
     */
    public static boolean isWellFormed(String pattern) {
        for (String segment : pattern.split(":", -1)) {
            if (segment.isEmpty() || (segment.indexOf('*') >= 0 && !segment.equals(WILDCARD))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return whether the name has as many segments as the pattern, each equal to the pattern's or matched by a
     *         {@code *}
     */
    public static boolean matches(String pattern, String name) {
        String[] patternSegments = pattern.split(":", -1);
        String[] nameSegments = name.split(":", -1);
        if (patternSegments.length != nameSegments.length) {
            return false;
        }
        for (int i = 0; i < patternSegments.length; i++) {
            if (!patternSegments[i].equals(WILDCARD) && !patternSegments[i].equals(nameSegments[i])) {
                return false;
            }
        }
        return true;
    }
}
