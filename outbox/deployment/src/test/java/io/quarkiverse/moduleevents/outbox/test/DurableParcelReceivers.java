package io.quarkiverse.moduleevents.outbox.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.outbox.Durable;

/**
 * Durable receivers of the parcel events: of one name, of a pattern and of the whole module. The first writes an
 * effect row in its transaction and then throws as often as it is told to for a parcel.
 */
@Singleton
public class DurableParcelReceivers {

    public static final String SHIPPED_RECEIVER = DurableParcelReceivers.class.getName() + "#onShipped";

    @Inject
    AgroalDataSource dataSource;

    private final List<String> shipped = new CopyOnWriteArrayList<>();
    private final List<String> pattern = new CopyOnWriteArrayList<>();
    private final List<String> module = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final List<Boolean> meetings = new CopyOnWriteArrayList<>();
    private volatile String meetingPrefix;
    private volatile CountDownLatch meeting = new CountDownLatch(0);

    @Durable
    void onShipped(@Observes @Named(ParcelEvents.PARCEL_SHIPPED) Parcel parcel) {
        shipped.add(parcel.id() + ":" + parcel.step());
        meetOthers(parcel);
        Db.execute(dataSource, "INSERT INTO parcel_effects (parcel_id, step) VALUES (?, ?)", parcel.id(),
                parcel.step());
        AtomicInteger left = failures.get(parcel.id());
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("the depot is closed");
        }
    }

    @Durable
    void onAnyParcel(@Observes @Named("parcel:parcel:*") Parcel parcel, EventMetadata metadata) {
        pattern.add(EventEmitter.nameOf(metadata) + " " + parcel.id());
    }

    @Durable
    void onParcelModule(@Observes @EventModule("parcel") Object payload, EventMetadata metadata) {
        module.add(EventEmitter.nameOf(metadata) + " " + ((Parcel) payload).id());
    }

    private void meetOthers(Parcel parcel) {
        String prefix = meetingPrefix;
        if (prefix != null && parcel.step() == 0 && parcel.id().startsWith(prefix)) {
            meeting.countDown();
            try {
                meetings.add(meeting.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                meetings.add(false);
            }
        }
    }

    /**
     * Makes {@link #onShipped}, at the first step of each of {@code parcels} parcels whose ids start with
     * {@code prefix}, wait until it runs for all of them at the same time (for 10 seconds at most).
     */
    public void meetAtFirstStep(String prefix, int parcels) {
        meeting = new CountDownLatch(parcels);
        meetingPrefix = prefix;
    }

    /**
     * @return for each wait of {@link #meetAtFirstStep}, whether the others came
     */
    public List<Boolean> meetings() {
        return meetings;
    }

    /**
     * Makes {@link #onShipped} throw the next {@code times} times it receives the parcel, after its write.
     */
    public void failFor(String parcelId, int times) {
        failures.put(parcelId, new AtomicInteger(times));
    }

    /**
     * @return the steps of the parcel that {@link #onShipped} received, every attempt, in the order it received them
     */
    public List<Integer> shippedSteps(String parcelId) {
        return shipped.stream().filter(call -> call.startsWith(parcelId + ":"))
                .map(call -> Integer.valueOf(call.substring(parcelId.length() + 1))).toList();
    }

    /**
     * @return the event names the pattern receiver got for the parcel
     */
    public List<String> patternNames(String parcelId) {
        return names(pattern, parcelId);
    }

    /**
     * @return the event names the module-wide receiver got for the parcel
     */
    public List<String> moduleNames(String parcelId) {
        return names(module, parcelId);
    }

    private static List<String> names(List<String> calls, String parcelId) {
        return calls.stream().filter(call -> call.endsWith(" " + parcelId))
                .map(call -> call.substring(0, call.length() - parcelId.length() - 1)).toList();
    }
}
