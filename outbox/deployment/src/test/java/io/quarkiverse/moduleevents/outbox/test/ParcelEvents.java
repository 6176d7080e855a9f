package io.quarkiverse.moduleevents.outbox.test;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

@EventModule("parcel")
public interface ParcelEvents extends EventEmitter {

    @Payload(Parcel.class)
    String PARCEL_SHIPPED = "parcel:parcel:shipped";

    @Payload(Parcel.class)
    String PARCEL_LOST = "parcel:parcel:lost";
}
