package io.quarkiverse.moduleevents.test.boundaries.mail;

import io.quarkiverse.moduleevents.test.boundaries.accounts.AccountStore;

public class StoreMail {

    String account() {
        return AccountStore.find("alice");
    }
}
