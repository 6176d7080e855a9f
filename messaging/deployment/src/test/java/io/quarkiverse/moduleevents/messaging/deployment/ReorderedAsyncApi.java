package io.quarkiverse.moduleevents.messaging.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.quarkiverse.moduleevents.deployment.PayloadSchemasBuildItem;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.ApplicationInfoBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.smallrye.reactivemessaging.deployment.items.ConnectorManagedChannelBuildItem;

/**
 * A second writing of the AsyncAPI document, in the same build, from the same build items each in reverse order (the
 * bridged events and the connectors' channels), as a build whose classes and configuration were read in another order
 * would get them. It writes {@code reordered/module-events/asyncapi.json} and {@code asyncapi.yaml} into the build's
 * output directory.
 */
public final class ReorderedAsyncApi implements BuildStep {

    /** where it writes, in the build's output directory */
    public static final String DIRECTORY = "reordered";
    private static final String MARKER = "module-events-test/asyncapi-reordered";

    /**
     * Adds this step to the build.
     */
    public static void addTo(BuildChainBuilder chain) {
        chain.addBuildStep(new ReorderedAsyncApi())
                .consumes(SelectedEventsBuildItem.class).consumes(PayloadSchemasBuildItem.class)
                .consumes(ConnectorManagedChannelBuildItem.class).consumes(ApplicationInfoBuildItem.class)
                .consumes(OutputTargetBuildItem.class)
                .produces(GeneratedResourceBuildItem.class).build();
    }

    @Override
    public void execute(BuildContext context) {
        SelectedEventsBuildItem selected = context.consume(SelectedEventsBuildItem.class);
        List<SelectedEvent> events = new ArrayList<>(selected.outgoing());
        events.addAll(selected.incoming());
        OutputTargetBuildItem target = context.consume(OutputTargetBuildItem.class);
        OutputTargetBuildItem reorderedTarget = new OutputTargetBuildItem(
                target.getOutputDirectory().resolve(DIRECTORY), target.getBaseName(), false, new Properties(),
                Optional.empty());
        try {
            new AsyncApiProcessor().writeAsyncApi(new SelectedEventsBuildItem(reversed(events)),
                    context.consume(PayloadSchemasBuildItem.class),
                    reversed(context.consumeMulti(ConnectorManagedChannelBuildItem.class)),
                    context.consume(ApplicationInfoBuildItem.class), reorderedTarget, resource -> {
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a product, so that the build runs this step
        context.produce(new GeneratedResourceBuildItem(MARKER, MARKER.getBytes(StandardCharsets.UTF_8)));
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> reversed = new ArrayList<>(items);
        Collections.reverse(reversed);
        return reversed;
    }
}
