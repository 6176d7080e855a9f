package io.quarkiverse.moduleevents.it.crm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.it.user.User;
import io.quarkiverse.moduleevents.it.user.UserEvents;

/**
 * Stands for a CRM: keeps a contact per committed account and an activity per contact event.
 */
@ApplicationScoped
class CrmContacts {

    /** The CRM refuses contacts of this name, so that a failing receiver can be seen. */
    static final String BLOCKED_NAME = "mallory";

    private final List<User> contacts = new CopyOnWriteArrayList<>();
    private final List<String> activities = new CopyOnWriteArrayList<>();

    /**
     * Runs once the account's transaction has committed, never when it rolls back; at once without a transaction.
     */
    void onAccountCreated(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) @Named(UserEvents.ACCOUNT_CREATED) User user) {
        contacts.add(user);
    }

    void onWelcomeRequested(@Observes @Priority(10) @Named(UserEvents.WELCOME_REQUESTED) User user) {
        if (BLOCKED_NAME.equals(user.name())) {
            throw new IllegalStateException("CRM refuses blocked contact '" + user.name() + "'");
        }
        activities.add("welcome requested for " + user.email());
    }

    List<User> contacts() {
        return List.copyOf(contacts);
    }

    List<String> activities() {
        return List.copyOf(activities);
    }
}
