package io.quarkiverse.moduleevents.test.contracts;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

@EventModule("shop")
public interface ShopEvents extends EventEmitter {
    @Payload(PlacedOrder.class)
    String ORDER_PLACED = "shop:order:placed";
    @Payload(Category.class)
    String CATEGORY_CREATED = "shop:category:created";
    String SHOP_OPENED = "shop:shop:opened";
}
