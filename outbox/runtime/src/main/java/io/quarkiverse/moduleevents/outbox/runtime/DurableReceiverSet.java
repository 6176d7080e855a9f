package io.quarkiverse.moduleevents.outbox.runtime;

import java.util.Set;

/**
 * The application's durable receivers, found at build time, as {@code class#method}.
 */
public final class DurableReceiverSet {

    private final Set<String> receivers;

    public DurableReceiverSet(Set<String> receivers) {
        this.receivers = Set.copyOf(receivers);
    }

    public boolean contains(String receiver) {
        return receivers.contains(receiver);
    }

    public Set<String> receivers() {
        return receivers;
    }

    public boolean isEmpty() {
        return receivers.isEmpty();
    }
}
