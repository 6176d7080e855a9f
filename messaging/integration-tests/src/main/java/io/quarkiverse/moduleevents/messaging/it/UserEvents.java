package io.quarkiverse.moduleevents.messaging.it;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * The events of the module {@code user}. Both go out on the channel {@code user-out}; only
 * {@link #ACCOUNT_CREATED} comes in from {@code user-in} (see {@code application.properties}).
 */
@EventModule("user")
public interface UserEvents extends EventEmitter {

    /** An account was opened; its id is the CloudEvents subject and the Kafka record key. */
    @Payload(Account.class)
    String ACCOUNT_CREATED = "user:account:created";

    /** A user changed their e-mail address; no subject. */
    @Payload(EmailChanged.class)
    String EMAIL_CHANGED = "user:emails:changed";
}
