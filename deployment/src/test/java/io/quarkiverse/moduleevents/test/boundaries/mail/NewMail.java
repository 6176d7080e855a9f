package io.quarkiverse.moduleevents.test.boundaries.mail;

import io.quarkiverse.moduleevents.test.boundaries.user.internal.UserDirectory;

public class NewMail {

    Object directory() {
        return new UserDirectory();
    }
}
