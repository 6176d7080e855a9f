package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.messaging.BridgeCounters;

/**
 * The bridge's counters, one set per channel.
 */
@Singleton
public class ChannelCounters implements BridgeCounters {

    private final Map<String, Counts> byChannel = new ConcurrentHashMap<>();

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

    Counts counts(String channel) {
        return byChannel.computeIfAbsent(channel, name -> new Counts());
    }

    static final class Counts {
        final LongAdder sent = new LongAdder();
        final LongAdder sendFailures = new LongAdder();
        final LongAdder received = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final LongAdder duplicates = new LongAdder();
    }
}
