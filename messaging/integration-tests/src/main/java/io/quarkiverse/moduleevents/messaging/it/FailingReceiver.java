package io.quarkiverse.moduleevents.messaging.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.messaging.Remote;

/**
 * A receiver of remote accounts that fails with an {@link Error}, not an exception, for two names: a failed assertion
 * ({@value #ASSERTION}) and a runaway recursion ({@value #RECURSION}); and a receiver of every account that throws an
 * exception for names that start with a third ({@value #LOCAL_FAILURE}).
 */
@ApplicationScoped
public class FailingReceiver {

    public static final String ASSERTION = "fails-an-assertion";
    public static final String RECURSION = "recurses-without-end";
    public static final String LOCAL_FAILURE = "fails-locally";

    void onAccount(@Observes @EventModule("user") @Named(UserEvents.ACCOUNT_CREATED) Account account) {
        if (account.name().startsWith(LOCAL_FAILURE)) {
            throw new IllegalStateException("the local receiver failed");
        }
    }

    void onRemoteAccount(@Observes @Remote @Named(UserEvents.ACCOUNT_CREATED) Account account) {
        if (ASSERTION.equals(account.name())) {
            throw new AssertionError("the receiver's assertion failed");
        }
        if (RECURSION.equals(account.name())) {
            recurse(0);
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
