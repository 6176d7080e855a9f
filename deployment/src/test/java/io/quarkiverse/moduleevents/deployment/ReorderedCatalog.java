package io.quarkiverse.moduleevents.deployment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.jandex.DotName;

import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;

/**
 * A second build of the event catalog, in the same build, from the same build items each in reverse order (the
 * modules, send sites, observers, channels, module packages and boundary crossings), as a build whose classes were
 * found in another order would get them. It packages what it renders as the application's resources
 * {@value #JSON_RESOURCE} and {@value #MARKDOWN_RESOURCE}, for a test to compare with the catalog the build wrote.
 */
public final class ReorderedCatalog implements BuildStep {

    public static final String JSON_RESOURCE = "module-events-test/catalog-reordered.json";
    public static final String MARKDOWN_RESOURCE = "module-events-test/catalog-reordered.md";

    /**
     * Adds this step to the build.
     */
    public static void addTo(BuildChainBuilder chain) {
        chain.addBuildStep(new ReorderedCatalog())
                .consumes(DeclaredEventsBuildItem.class).consumes(SendSitesBuildItem.class)
                .consumes(BeanDiscoveryFinishedBuildItem.class).consumes(CombinedIndexBuildItem.class)
                .consumes(EventChannelBuildItem.class).consumes(ModulePackageBuildItem.class)
                .consumes(DurableReceiverBuildItem.class).consumes(FiredQualifierBuildItem.class)
                .consumes(BoundaryCrossingsBuildItem.class).consumes(PayloadSchemasBuildItem.class)
                .produces(GeneratedResourceBuildItem.class).build();
    }

    @Override
    public void execute(BuildContext context) {
        DeclaredEventsBuildItem declared = new DeclaredEventsBuildItem(
                reversed(context.consume(DeclaredEventsBuildItem.class).modules()));
        SendSitesBuildItem sendSites = context.consume(SendSitesBuildItem.class);
        List<SendSite> sites = declared.eventNames().stream().flatMap(name -> sendSites.sends(name).stream()).toList();
        Set<DotName> firedWith = context.consumeMulti(FiredQualifierBuildItem.class).stream()
                .map(FiredQualifierBuildItem::qualifier).collect(Collectors.toSet());
        List<ModuleEventObserver> observers = reversed(context.consume(BeanDiscoveryFinishedBuildItem.class)
                .getObservers()).stream().map(observer -> new ModuleEventObserver(observer, firedWith)).toList();
        Set<String> durable = context.consumeMulti(DurableReceiverBuildItem.class).stream()
                .map(DurableReceiverBuildItem::receiver).collect(Collectors.toSet());
        EventCatalogBuildItem catalog = EventCatalogs.build(declared, new SendSitesBuildItem(reversed(sites)),
                observers, new PayloadTypes(context.consume(CombinedIndexBuildItem.class).getComputingIndex()),
                reversed(context.consumeMulti(EventChannelBuildItem.class)),
                new ReceivingModules(declared, reversed(context.consumeMulti(ModulePackageBuildItem.class))), durable,
                new BoundaryCrossingsBuildItem(reversed(context.consume(BoundaryCrossingsBuildItem.class).crossings())));
        context.produce(new GeneratedResourceBuildItem(JSON_RESOURCE, EventCatalogRenderer
                .json(catalog, context.consume(PayloadSchemasBuildItem.class)).getBytes(StandardCharsets.UTF_8)));
        context.produce(new GeneratedResourceBuildItem(MARKDOWN_RESOURCE,
                EventCatalogRenderer.markdown(catalog).getBytes(StandardCharsets.UTF_8)));
    }

    private static <T> List<T> reversed(Collection<T> items) {
        List<T> reversed = new ArrayList<>(items);
        Collections.reverse(reversed);
        return reversed;
    }
}
