package io.quarkiverse.moduleevents.test.boundaries.shared;

import java.util.Locale;

public final class Texts {

    private Texts() {
    }

    public static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
