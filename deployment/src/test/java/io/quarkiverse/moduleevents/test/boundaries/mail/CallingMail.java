package io.quarkiverse.moduleevents.test.boundaries.mail;

import io.quarkiverse.moduleevents.test.boundaries.user.internal.UserDirectory;

public class CallingMail {

    int users() {
        return UserDirectory.count();
    }
}
