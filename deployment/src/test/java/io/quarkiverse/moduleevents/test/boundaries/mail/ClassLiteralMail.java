package io.quarkiverse.moduleevents.test.boundaries.mail;

import io.quarkiverse.moduleevents.test.boundaries.user.internal.UserDirectory;

public class ClassLiteralMail {

    String directoryName() {
        return UserDirectory.class.getSimpleName();
    }
}
