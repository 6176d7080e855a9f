package io.quarkiverse.moduleevents.test.devmode;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;

@EventModule("shop")
public interface ShopEvents extends EventEmitter {
    String ORDER_PLACED = "shop:order:placed";
}
