package io.quarkiverse.moduleevents.test.boundaries.mail;

import io.quarkiverse.moduleevents.test.boundaries.user.internal.UserDirectory;

public class SignatureMail {

    String describe(UserDirectory directory) {
        return "a directory";
    }
}
