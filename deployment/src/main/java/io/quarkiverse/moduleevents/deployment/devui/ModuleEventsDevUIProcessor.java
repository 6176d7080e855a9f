package io.quarkiverse.moduleevents.deployment.devui;

import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem;
import io.quarkiverse.moduleevents.deployment.EventCatalogRenderer;
import io.quarkiverse.moduleevents.runtime.dev.ModuleEventsJsonRpcService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The "Module Events" card of the Dev UI: the events of every module, their flow, and the last events sent.
 */
public class ModuleEventsDevUIProcessor {

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    CardPageBuildItem createCard(EventCatalogBuildItem catalog) {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addBuildTimeData("modules", catalog.modules());
        card.addBuildTimeData("dependencies", catalog.dependencies());
        card.addBuildTimeData("diagram", EventCatalogRenderer.flowDiagram(catalog));
        long events = catalog.modules().stream().mapToLong(module -> module.events().size()).sum();
        card.addPage(Page.webComponentPageBuilder()
                .title("Events")
                .icon("font-awesome-solid:tower-broadcast")
                .componentLink("qwc-module-events-events.js")
                .staticLabel(String.valueOf(events)));
        card.addPage(Page.webComponentPageBuilder()
                .title("Flow")
                .icon("font-awesome-solid:diagram-project")
                .componentLink("qwc-module-events-flow.js"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Sent events")
                .icon("font-awesome-solid:paper-plane")
                .componentLink("qwc-module-events-sent.js"));
        return card;
    }

    @BuildStep
    JsonRPCProvidersBuildItem registerSentEventsService() {
        return new JsonRPCProvidersBuildItem(ModuleEventsJsonRpcService.class);
    }
}
