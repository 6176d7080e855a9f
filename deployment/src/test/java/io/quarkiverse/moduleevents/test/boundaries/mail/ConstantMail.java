package io.quarkiverse.moduleevents.test.boundaries.mail;

import java.util.List;

import io.quarkiverse.moduleevents.test.boundaries.user.internal.UserDirectory;

public class ConstantMail {

    List<String> admins() {
        return UserDirectory.ADMINS;
    }
}
