package io.quarkiverse.moduleevents.deployment;

import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogEvent;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogModule;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogReceiver;
import io.quarkiverse.moduleevents.runtime.EventDefinition;
import io.quarkiverse.moduleevents.runtime.ModuleEventTable;
import io.quarkus.gizmo2.Const;
import io.quarkus.gizmo2.Expr;
import io.quarkus.gizmo2.Gizmo;
import io.quarkus.gizmo2.LocalVar;
import io.quarkus.gizmo2.ParamVar;
import io.quarkus.gizmo2.creator.ClassCreator;
import io.quarkus.gizmo2.desc.ConstructorDesc;
import io.quarkus.gizmo2.desc.MethodDesc;

/**
 * Generates, for each module, its {@link ModuleEventTable}:
 *
 * <pre>
 * public final class UserEvents_EventTable extends ModuleEventTable {
 *     public UserEvents_EventTable() {
 *         super("user", "org.acme.UserEvents", 2);
 *     }
 *
 *     public int indexOf(String name) {
 *         return indexOf0(name);
 *     }
 *
 *     public EventDefinition definition(int index) {
 *         return definition0(index);
 *     }
 *
 *     private int indexOf0(String name) {
 *         switch (name) {
 *             case "user:account:created": return 0;
 *             case "user:account:deleted": return 1;
 *         }
 *         return -1;
 *     }
 *
 *     private EventDefinition definition0(int index) {
 *         switch (index) {
 *             case 0: return new EventDefinition("ACCOUNT_CREATED", "user:account:created", User.class, true,
 *                     new String[] { "user:*:*" });
 *             ...
 *         }
 *         throw new IndexOutOfBoundsException(...);
 *     }
 * }
 * </pre>
 *
 * The switches are split into methods of {@value #EVENTS_PER_METHOD} events, so that a module of thousands of events
 * stays within the JVM's 64 KiB of bytecode per method.
 */
final class EventTableGenerator {

    static final int EVENTS_PER_METHOD = 500;

    private static final String SUFFIX = "_EventTable";
    private static final ConstructorDesc TABLE = ConstructorDesc.of(ModuleEventTable.class, String.class, String.class,
            int.class);
    private static final ConstructorDesc DEFINITION = ConstructorDesc.of(EventDefinition.class, String.class,
            String.class, Class.class, boolean.class, String[].class);

    private EventTableGenerator() {
    }

    static String className(CatalogModule module) {
        return module.declaringInterface() + SUFFIX;
    }

    static void generate(CatalogModule module, Gizmo gizmo) {
        List<List<CatalogEvent>> parts = parts(module.events());
        gizmo.class_(className(module), table -> {
            table.public_();
            table.final_();
            table.extends_(ModuleEventTable.class);
            table.constructor(constructor -> {
                constructor.public_();
                constructor.body(body -> {
                    body.invokeSpecial(TABLE, table.this_(), Const.of(module.name()),
                            Const.of(module.declaringInterface()), Const.of(module.events().size()));
                    body.return_();
                });
            });
            List<MethodDesc> indexOfParts = new ArrayList<>();
            List<MethodDesc> definitionParts = new ArrayList<>();
            for (int part = 0; part < parts.size(); part++) {
                indexOfParts.add(indexOfPart(table, part, parts.get(part)));
                definitionParts.add(definitionPart(table, part, parts.get(part)));
            }
            indexOf(table, indexOfParts);
            definition(table, definitionParts);
        });
    }

    private static List<List<CatalogEvent>> parts(List<CatalogEvent> events) {
        List<List<CatalogEvent>> parts = new ArrayList<>();
        for (int from = 0; from < events.size(); from += EVENTS_PER_METHOD) {
            parts.add(events.subList(from, Math.min(events.size(), from + EVENTS_PER_METHOD)));
        }
        return parts;
    }

    private static MethodDesc indexOfPart(ClassCreator table, int part, List<CatalogEvent> events) {
        return table.method("indexOf" + part, method -> {
            method.private_();
            method.returning(int.class);
            ParamVar name = method.parameter("name", String.class);
            method.body(body -> {
                body.switch_(name, cases -> {
                    // a name declared twice fails the build with its own message, after this step
                    Set<String> names = new HashSet<>();
                    for (int i = 0; i < events.size(); i++) {
                        int index = part * EVENTS_PER_METHOD + i;
                        if (names.add(events.get(i).name())) {
                            cases.caseOf(events.get(i).name(), found -> found.return_(index));
                        }
                    }
                    cases.default_(notFound -> notFound.return_(-1));
                });
            });
        });
    }

    private static MethodDesc definitionPart(ClassCreator table, int part, List<CatalogEvent> events) {
        return table.method("definition" + part, method -> {
            method.private_();
            method.returning(EventDefinition.class);
            ParamVar index = method.parameter("index", int.class);
            method.body(body -> {
                body.switch_(index, cases -> {
                    for (int i = 0; i < events.size(); i++) {
                        CatalogEvent event = events.get(i);
                        cases.caseOf(part * EVENTS_PER_METHOD + i, found -> found.return_(found.new_(DEFINITION,
                                Const.of(event.key()), Const.of(event.name()), payloadType(event),
                                Const.of(event.received()),
                                found.newArray(String.class, patterns(event).stream().map(Const::of).toList()))));
                    }
                    cases.default_(outside -> outside.throw_(IndexOutOfBoundsException.class,
                            "No event at this position"));
                });
            });
        });
    }

    private static void indexOf(ClassCreator table, List<MethodDesc> parts) {
        table.method("indexOf", method -> {
            method.public_();
            method.returning(int.class);
            ParamVar name = method.parameter("name", String.class);
            method.body(body -> {
                for (MethodDesc part : parts) {
                    LocalVar found = body.localVar("found", body.invokeVirtual(part, table.this_(), name));
                    body.if_(body.ge(found, 0), inPart -> inPart.return_(found));
                }
                body.return_(-1);
            });
        });
    }

    private static void definition(ClassCreator table, List<MethodDesc> parts) {
        table.method("definition", method -> {
            method.public_();
            method.returning(EventDefinition.class);
            ParamVar index = method.parameter("index", int.class);
            method.body(body -> {
                Expr part = body.div(index, EVENTS_PER_METHOD);
                body.switch_(part, cases -> {
                    for (int i = 0; i < parts.size(); i++) {
                        MethodDesc definitionPart = parts.get(i);
                        cases.caseOf(i, inPart -> inPart.return_(
                                inPart.invokeVirtual(definitionPart, table.this_(), index)));
                    }
                    cases.default_(outside -> outside.throw_(IndexOutOfBoundsException.class,
                            "No event at this position"));
                });
            });
        });
    }

    private static Const payloadType(CatalogEvent event) {
        if (event.payload() == null) {
            return Const.ofNull(Class.class);
        }
        String payload = event.payload();
        return Const.of(payload.startsWith("[") ? ClassDesc.ofDescriptor(payload.replace('.', '/'))
                : ClassDesc.of(payload));
    }

    private static List<String> patterns(CatalogEvent event) {
        return event.receivers().stream().map(CatalogReceiver::pattern).filter(Objects::nonNull).distinct().sorted()
                .toList();
    }
}
