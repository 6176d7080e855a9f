package io.quarkiverse.moduleevents.test.devmode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkiverse.moduleevents.SentEvents;
import io.quarkus.arc.Arc;
import io.vertx.ext.web.Router;

@ApplicationScoped
public class ShopRoutes {

    @Inject
    ShopEvents shop;

    void register(@Observes Router router) {
        router.get("/sent-events-is-a-bean")
                .handler(rc -> rc.response().end(String.valueOf(Arc.container().select(SentEvents.class).isResolvable())));
        router.get("/names").handler(rc -> rc.response().end(String.join(",", shop.names().values())));
        router.post("/orders/:id").blockingHandler(rc -> {
            shop.sendRobust(ShopEvents.ORDER_PLACED, rc.pathParam("id"));
            rc.response().end();
        });
    }
}
