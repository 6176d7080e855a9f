package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkiverse.moduleevents.messaging.runtime.BridgeMeters.IncomingOutcome;
import io.quarkiverse.moduleevents.messaging.runtime.BridgeMeters.OutgoingOutcome;
import io.quarkiverse.moduleevents.runtime.EventCounter;

/**
 * The bridge's counters, one set per channel, and with {@code quarkus-micrometer} its meters, which it feeds: each
 * meter is asked of {@link BridgeMeters} once, for the first outcome of its channel, event and kind.
 */
@Singleton
public class ChannelCounters implements BridgeCounters {

    private final Map<String, Counts> byChannel = new ConcurrentHashMap<>();
    /** {@code null} without {@code quarkus-micrometer} */
    private final BridgeMeters meters;
    private final Map<MeterKey, EventCounter> bound = new ConcurrentHashMap<>();

    @Inject
    ChannelCounters(Instance<BridgeMeters> meters) {
        this.meters = meters.isResolvable() ? meters.get() : null;
    }

    @Override
    public long sent(String channel) {
        return counts(channel).sent.sum();
    }

    @Override
    public long sendFailures(String channel) {
        return counts(channel).sendFailures.sum();
    }

    @Override
    public long received(String channel) {
        return counts(channel).received.sum();
    }

    @Override
    public long rejected(String channel) {
        return counts(channel).rejected.sum();
    }

    @Override
    public long duplicates(String channel) {
        return counts(channel).duplicates.sum();
    }

    void outgoing(String channel, String event, OutgoingOutcome outcome) {
        Counts counts = counts(channel);
        (outcome == OutgoingOutcome.ACKED ? counts.sent : counts.sendFailures).increment();
        if (meters != null) {
            bound.computeIfAbsent(new MeterKey(channel, event, outcome),
                    key -> meters.outgoing(channel, event, outcome)).increment();
        }
    }

    /**
     * @param event the event's name, {@link BridgeMeters#UNKNOWN_EVENT} when the message's type is not selected for
     *        the channel
     */
    void incoming(String channel, String event, IncomingOutcome outcome) {
        Counts counts = counts(channel);
        switch (outcome) {
            case DELIVERED -> counts.received.increment();
            case DUPLICATE -> counts.duplicates.increment();
            case REJECTED -> counts.rejected.increment();
        }
        if (meters != null) {
            bound.computeIfAbsent(new MeterKey(channel, event, outcome),
                    key -> meters.incoming(channel, event, outcome)).increment();
        }
    }

    private Counts counts(String channel) {
        return byChannel.computeIfAbsent(channel, name -> new Counts());
    }

    private static final class Counts {
        final LongAdder sent = new LongAdder();
        final LongAdder sendFailures = new LongAdder();
        final LongAdder received = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final LongAdder duplicates = new LongAdder();
    }

    private record MeterKey(String channel, String event, Enum<?> outcome) {
    }
}
