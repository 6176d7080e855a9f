package io.quarkiverse.moduleevents.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogDependency;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogEvent;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogModule;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogReceiver;

/**
 * How the catalog's files mark durable receivers: a {@code durable} field on every receiver, {@code durable} in the
 * Markdown table, and an arrow labelled {@code durable} beside the plain one of a module with both kinds.
 */
class EventCatalogRendererTest {

    private static final EventCatalogBuildItem CATALOG = new EventCatalogBuildItem(List.of(new CatalogModule("user",
            "org.acme.user.UserEvents", List.of(new CatalogEvent("ACCOUNT_CREATED", "user:account:created",
                    "org.acme.user.User", List.of(), List.of(), List.of(
                            receiver("org.acme.mail.WelcomeMail#onAccount", "mail", true, false),
                            receiver("org.acme.mail.WelcomeMail#archive", "mail", true, true),
                            receiver("org.acme.billing.Invoices#open", "billing", true, true),
                            receiver("org.acme.audit.Audit#never", "audit", false, false)),
                    List.of(), List.of())))),
            List.of());

    @Test
    void theJsonGivesEveryReceiverItsDurableField() throws Exception {
        JsonNode receivers = new ObjectMapper().readTree(EventCatalogRenderer.json(CATALOG,
                new PayloadSchemasBuildItem(Map.of("org.acme.user.User", "{\"type\":\"object\"}")))).get("modules").get(0)
                .get("events").get(0).get("receivers");

        assertEquals(List.of("false", "true", "true", "false"), receivers.findValuesAsText("durable"));
    }

    @Test
    void theDiagramLabelsTheArrowsToDurableReceivers() {
        assertEquals("""
                flowchart LR
                    m0["user"]
                    m0 --> e1(["user:account:created"])
                    e1 -->|durable| m2["billing"]
                    e1 --> m3["mail"]
                    e1 -->|durable| m3["mail"]
                """, EventCatalogRenderer.flowDiagram(CATALOG));
    }

    @Test
    void theMarkdownTableMarksDurableReceivers() {
        String page = EventCatalogRenderer.markdown(CATALOG);

        assertTrue(page.contains("`org.acme.mail.WelcomeMail#onAccount (sync, priority 0)`<br>"
                + "`org.acme.mail.WelcomeMail#archive (sync, priority 0, durable)`<br>"
                + "`org.acme.billing.Invoices#open (sync, priority 0, durable)`"), page);
    }

    private static CatalogReceiver receiver(String method, String module, boolean runs, boolean durable) {
        return new CatalogReceiver(method, module, false, 0, null, runs, durable, false);
    }

    @Test
    void theDiagramDrawsDependenciesBetweenModulesAndMarksTheDirectOnes() {
        EventCatalogBuildItem catalog = new EventCatalogBuildItem(List.of(),
                List.of(new CatalogDependency("billing", "user", List.of("user:account:created"), List.of()),
                        new CatalogDependency("mail", "user", List.of("user:account:created"),
                                List.of("org.acme.user.internal.UserDirectory"))));

        assertEquals("""
                flowchart LR
                    m0["billing"] -.->|depends on| m1["user"]
                    m2["mail"] ==>|direct| m1["user"]
                """, EventCatalogRenderer.flowDiagram(catalog));
        assertTrue(EventCatalogRenderer.markdown(catalog).contains(
                "| mail | user | `user:account:created` | `org.acme.user.internal.UserDirectory` |\n"));
    }
}
