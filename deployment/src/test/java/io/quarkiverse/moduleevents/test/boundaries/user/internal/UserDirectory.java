package io.quarkiverse.moduleevents.test.boundaries.user.internal;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The user module's own bean, which no other module may use.
 */
@ApplicationScoped
public class UserDirectory {

    /** a compile-time constant: javac copies it into the classes that use it, which keep no reference here */
    public static final String ROOT = "root";
    /** a constant that is not a compile-time one: reading it is a reference */
    public static final List<String> ADMINS = List.of(ROOT);
    public static int lookups;

    public static int count() {
        return lookups;
    }
}
