package io.quarkiverse.moduleevents.runtime;

import io.quarkiverse.moduleevents.spi.SentEventForwarder;

/**
 * The forwarding of one event name by a sibling extension's {@link SentEventForwarder}, which the emitter calls before
 * the name's local receivers.
 */
final class EventForwarding {

    /** the forwarder as the receiver lists of the dev and test tooling and {@code ReceiverFailure} name it */
    final String receiverName;
    private final SentEventForwarder forwarder;
    private final String module;
    private final String name;

    EventForwarding(SentEventForwarder forwarder, String module, String name) {
        this.receiverName = forwarder.getClass().getName() + "#forward";
        this.forwarder = forwarder;
        this.module = module;
        this.name = name;
    }

    void forward(Object payload) {
        forwarder.forward(module, name, payload);
    }
}
