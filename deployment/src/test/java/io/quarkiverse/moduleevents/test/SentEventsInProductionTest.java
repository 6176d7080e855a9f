package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.SentEvents;
import io.quarkiverse.moduleevents.runtime.SendListener;
import io.quarkus.arc.Arc;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * In production, {@code SentEvents} is no bean and nothing listens to the emitters: the packaged application, run as
 * {@code java -jar}, sends an event and says what it found.
 */
class SentEventsInProductionTest {

    @RegisterExtension
    static final QuarkusProdModeTest config = new QuarkusProdModeTest()
            .withApplicationRoot(root -> root.addClasses(ShopEvents.class, Receipts.class, Main.class))
            .setApplicationName("sent-events-in-production")
            .setApplicationVersion("1.0")
            // the test class path holds extensions the application needs at run time too; with the HTTP server's
            // deployment there, its runtime must be packaged as well
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-vertx-http", Version.getVersion())))
            .setRun(true)
            .setExpectExit(true);

    @Test
    void sentEventsIsNoBeanAndNoListenerIsToldOfASend() {
        String output = config.getStartupConsoleOutput();

        assertEquals(0, config.getExitCode(), output);
        assertTrue(output.contains("received: o-1; SentEvents is a bean: false; send listeners: 0"), output);
    }

    @EventModule("shop")
    public interface ShopEvents extends EventEmitter {
        @Payload(String.class)
        String ORDER_PLACED = "shop:order:placed";
    }

    @Singleton
    public static class Receipts {

        volatile String last;

        void onPlaced(@Observes @Named(ShopEvents.ORDER_PLACED) String order) {
            last = order;
        }
    }

    @QuarkusMain
    public static class Main implements QuarkusApplication {

        @Inject
        ShopEvents shop;

        @Inject
        Receipts receipts;

        @Override
        public int run(String... args) {
            shop.send(ShopEvents.ORDER_PLACED, "o-1");
            System.out.println("received: " + receipts.last + "; SentEvents is a bean: "
                    + Arc.container().select(SentEvents.class).isResolvable() + "; send listeners: "
                    + Arc.container().listAll(SendListener.class).size());
            return 0;
        }
    }
}
