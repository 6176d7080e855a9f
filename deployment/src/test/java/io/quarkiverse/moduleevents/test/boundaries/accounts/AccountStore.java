package io.quarkiverse.moduleevents.test.boundaries.accounts;

/**
 * Outside the user module's package, and shared unless configured as one of its packages.
 */
public class AccountStore {

    public static String find(String name) {
        return name;
    }
}
