package io.quarkiverse.moduleevents.examples.mailservice;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.it.user.User;
import io.quarkiverse.moduleevents.it.user.UserEvents;
import io.quarkiverse.moduleevents.messaging.Remote;

/**
 * Not part of the mail module: shows how the user module's events arrive in this service. It records every event of
 * the user module with whether it carried {@code @Remote}, and, through a receiver that asks for {@code @Remote}, the
 * accounts that came from the broker.
 */
@ApplicationScoped
class Arrivals {

    private final List<Arrival> events = new CopyOnWriteArrayList<>();
    private final List<String> remoteAccounts = new CopyOnWriteArrayList<>();

    void onUserEvent(@Observes @EventModule("user") Object payload, EventMetadata metadata) {
        boolean remote = metadata.getQualifiers().stream().anyMatch(qualifier -> qualifier instanceof Remote);
        events.add(new Arrival(EventEmitter.nameOf(metadata), remote, payload.getClass().getName()));
    }

    void onRemoteAccount(@Observes @Remote @Named(UserEvents.ACCOUNT_CREATED) User user) {
        remoteAccounts.add(user.id());
    }

    List<Arrival> events() {
        return List.copyOf(events);
    }

    List<String> remoteAccounts() {
        return List.copyOf(remoteAccounts);
    }

    /**
     * One event of the user module as this service received it.
     *
     * @param name the event's name
     * @param remote whether it was fired with {@code @Remote}, that is, came from the broker
     * @param payloadType the class its payload was decoded into
     */
    record Arrival(String name, boolean remote, String payloadType) {
    }
}
