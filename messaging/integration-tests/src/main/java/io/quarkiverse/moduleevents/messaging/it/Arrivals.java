package io.quarkiverse.moduleevents.messaging.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.messaging.Remote;

/**
 * The module's local receivers, which record what they got: an ordinary receiver of each event (it cannot tell local
 * from remote events, but records whether the event carried {@code @Remote}), a receiver of {@code @Remote} accounts
 * only, and an asynchronous receiver of accounts.
 */
@ApplicationScoped
public class Arrivals {

    /** One event as a receiver got it. */
    public record Arrival(String receiver, String event, Object payload, boolean remote) {
    }

    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    void onAccount(@Observes @EventModule("user") @Named(UserEvents.ACCOUNT_CREATED) Account account,
            EventMetadata metadata) {
        record("ordinary", UserEvents.ACCOUNT_CREATED, account, metadata);
    }

    void onRemoteAccount(@Observes @Remote @Named(UserEvents.ACCOUNT_CREATED) Account account,
            EventMetadata metadata) {
        record("remote", UserEvents.ACCOUNT_CREATED, account, metadata);
    }

    void onAccountAsynchronously(
            @ObservesAsync @EventModule("user") @Named(UserEvents.ACCOUNT_CREATED) Account account,
            EventMetadata metadata) {
        record("async", UserEvents.ACCOUNT_CREATED, account, metadata);
    }

    void onEmailChanged(@Observes @EventModule("user") @Named(UserEvents.EMAIL_CHANGED) EmailChanged email,
            EventMetadata metadata) {
        record("ordinary", UserEvents.EMAIL_CHANGED, email, metadata);
    }

    private void record(String receiver, String event, Object payload, EventMetadata metadata) {
        boolean remote = metadata.getQualifiers().stream().anyMatch(q -> q.annotationType() == Remote.class);
        arrivals.add(new Arrival(receiver, event, payload, remote));
    }

    /** What the receiver ({@code ordinary}, {@code remote} or {@code async}) got whose payload equals the one given. */
    public List<Arrival> of(String receiver, Object payload) {
        return arrivals.stream().filter(a -> a.receiver().equals(receiver) && a.payload().equals(payload)).toList();
    }

    public List<Arrival> all() {
        return List.copyOf(arrivals);
    }
}
