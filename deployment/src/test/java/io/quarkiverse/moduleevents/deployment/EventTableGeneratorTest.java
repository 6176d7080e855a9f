package io.quarkiverse.moduleevents.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogEvent;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogModule;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogReceiver;
import io.quarkiverse.moduleevents.runtime.EventDefinition;
import io.quarkiverse.moduleevents.runtime.ModuleEventTable;
import io.quarkus.gizmo2.Gizmo;

/**
 * Loads generated tables and asks them for every name, also in a module whose switches span several methods.
 */
class EventTableGeneratorTest {

    @Test
    void aSmallModuleFindsEachNameAndBuildsItsDefinition() throws Exception {
        List<CatalogEvent> events = List.of(
                event("ACCOUNT_CREATED", "user:account:created", String.class.getName(),
                        List.of(receiver(null), receiver("user:*:created"), receiver("user:account:*"),
                                receiver("user:*:created"))),
                event("ACCOUNT_DELETED", "user:account:deleted", null, List.of()));
        ModuleEventTable table = load(new CatalogModule("user", "org.acme.UserEvents", events));

        assertEquals("user", table.module());
        assertEquals("org.acme.UserEvents", table.declaringInterface());
        assertEquals(2, table.size());
        assertEquals(0, table.indexOf("user:account:created"));
        assertEquals(1, table.indexOf("user:account:deleted"));
        assertEquals(-1, table.indexOf("user:account:renamed"));

        EventDefinition created = table.definition(0);
        assertEquals("ACCOUNT_CREATED", created.getKey());
        assertEquals("user:account:created", created.getName());
        assertEquals(String.class, created.getPayloadType());
        assertEquals(true, created.isReceived());
        assertEquals(List.of("user:*:created", "user:account:*"), created.getPatterns());

        EventDefinition deleted = table.definition(1);
        assertNull(deleted.getPayloadType());
        assertEquals(false, deleted.isReceived());
        assertEquals(List.of(), deleted.getPatterns());

        assertThrows(IndexOutOfBoundsException.class, () -> table.definition(2));
        assertThrows(IndexOutOfBoundsException.class, () -> table.definition(-1));
    }

    @Test
    void aModuleOfThousandsOfEventsSpansSeveralMethods() throws Exception {
        int size = EventTableGenerator.EVENTS_PER_METHOD * 4 + 17;
        List<CatalogEvent> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            events.add(event("EVENT_" + i, "big:context:action" + i, null, List.of()));
        }
        ModuleEventTable table = load(new CatalogModule("big", "org.acme.BigEvents", events));

        assertEquals(size, table.size());
        for (int i = 0; i < size; i++) {
            assertEquals(i, table.indexOf("big:context:action" + i));
            assertEquals("EVENT_" + i, table.definition(i).getKey());
        }
        assertEquals(-1, table.indexOf("big:context:action" + size));
        assertThrows(IndexOutOfBoundsException.class, () -> table.definition(size));
    }

    @Test
    void aModuleWithoutEventsFindsNothing() throws Exception {
        ModuleEventTable table = load(new CatalogModule("empty", "org.acme.EmptyEvents", List.of()));

        assertEquals(0, table.size());
        assertEquals(-1, table.indexOf("empty:context:action"));
        assertThrows(IndexOutOfBoundsException.class, () -> table.definition(0));
    }

    private static CatalogEvent event(String key, String name, String payload, List<CatalogReceiver> receivers) {
        return new CatalogEvent(key, name, payload, List.of(), List.of(), receivers, List.of(), List.of());
    }

    private static CatalogReceiver receiver(String pattern) {
        return new CatalogReceiver("org.acme.Mail#on", "mail", false, 0, pattern, true, false, false);
    }

    private static ModuleEventTable load(CatalogModule module) throws Exception {
        Map<String, byte[]> classes = new HashMap<>();
        EventTableGenerator.generate(module, Gizmo.create((name, bytes) -> classes.put(name, bytes)));
        ClassLoader loader = new ClassLoader(EventTableGeneratorTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name.replace('.', '/') + ".class");
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        return (ModuleEventTable) loader.loadClass(EventTableGenerator.className(module)).getConstructor()
                .newInstance();
    }
}
