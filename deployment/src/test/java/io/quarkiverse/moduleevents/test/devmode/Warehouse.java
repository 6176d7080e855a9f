package io.quarkiverse.moduleevents.test.devmode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

@ApplicationScoped
public class Warehouse {

    void reserve(@Observes @Named(ShopEvents.ORDER_PLACED) String order) {
        if (order.equals("poison")) {
            throw new IllegalStateException("out of stock");
        }
    }
}
