package io.quarkiverse.moduleevents.shareddatabase;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * A module both services contain: each sends its events on the same channel, {@code mails}, to the same topic, for a
 * mail service that is not part of the tests (they read the topic). So both relays route the same channel and event.
 */
@EventModule("notification")
public interface NotificationEvents extends EventEmitter {

    @Payload(Item.class)
    String REQUESTED = "notification:mails:requested";
}
