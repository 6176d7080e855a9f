package io.quarkiverse.moduleevents.benchmarks.relay;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * The module of the durable-receiver benchmark, not bridged: one event with a plain receiver, one with a durable one,
 * both doing the same database work.
 */
@EventModule("parcel")
public interface ParcelEvents extends EventEmitter {

    /** received by {@link ParcelReceivers#onPacked}, an ordinary receiver, during the send */
    @Payload(Parcel.class)
    String PACKED = "parcel:parcel:packed";

    /** received by {@link ParcelReceivers#onShipped}, a durable receiver, after the commit */
    @Payload(Parcel.class)
    String SHIPPED = "parcel:parcel:shipped";
}
