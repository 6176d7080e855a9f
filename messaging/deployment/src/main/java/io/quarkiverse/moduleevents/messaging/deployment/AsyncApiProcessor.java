package io.quarkiverse.moduleevents.messaging.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import io.quarkiverse.moduleevents.deployment.PayloadSchemasBuildItem;
import io.quarkiverse.moduleevents.messaging.deployment.AsyncApiDocument.Channel;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ApplicationInfoBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;
import io.quarkus.smallrye.reactivemessaging.deployment.items.ChannelDirection;
import io.quarkus.smallrye.reactivemessaging.deployment.items.ConnectorManagedChannelBuildItem;

/**
 * Writes the AsyncAPI 3.0.0 document of the bridged channels: {@code target/module-events/asyncapi.yaml} and
 * {@code asyncapi.json}, the latter also packaged in the application as {@code META-INF/module-events/asyncapi.json},
 * and shows it in the Dev UI.
 */
class AsyncApiProcessor {

    static final String RESOURCE = "META-INF/module-events/asyncapi.json";

    @BuildStep
    AsyncApiBuildItem writeAsyncApi(SelectedEventsBuildItem bridged, PayloadSchemasBuildItem schemas,
            List<ConnectorManagedChannelBuildItem> managed, ApplicationInfoBuildItem application,
            OutputTargetBuildItem outputTarget, BuildProducer<GeneratedResourceBuildItem> resources)
            throws IOException {
        List<Channel> channels = new ArrayList<>();
        for (String name : bridged.outgoingChannels()) {
            channels.add(channel(name, true, bridged.outgoing(), managed));
        }
        for (String name : bridged.incomingChannels()) {
            channels.add(channel(name, false, bridged.incoming(), managed));
        }
        ObjectNode document = AsyncApiDocument.of(application.getName(), application.getVersion(), channels, schemas);
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
        String yaml = new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()).writeValueAsString(document);
        Path directory = outputTarget.getOutputDirectory().resolve("module-events");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("asyncapi.json"), json);
        Files.writeString(directory.resolve("asyncapi.yaml"), yaml);
        resources.produce(new GeneratedResourceBuildItem(RESOURCE, json.getBytes(StandardCharsets.UTF_8)));
        return new AsyncApiBuildItem(json);
    }

    /**
     * The Dev UI card of the messaging bridge, with the AsyncAPI document of its channels.
     */
    @BuildStep(onlyIf = IsLocalDevelopment.class)
    CardPageBuildItem createCard(AsyncApiBuildItem asyncApi) throws IOException {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addBuildTimeData("asyncapi", new ObjectMapper().readTree(asyncApi.json()));
        card.addPage(Page.rawDataPageBuilder("AsyncAPI")
                .icon("font-awesome-solid:file-contract")
                .buildTimeDataKey("asyncapi"));
        return card;
    }

    private static Channel channel(String name, boolean outgoing, List<SelectedEvent> selected,
            List<ConnectorManagedChannelBuildItem> managed) {
        ChannelDirection direction = outgoing ? ChannelDirection.OUTGOING : ChannelDirection.INCOMING;
        String connector = managed.stream()
                .filter(channel -> channel.getDirection() == direction && channel.getName().equals(name))
                .map(ConnectorManagedChannelBuildItem::getConnector).findFirst().orElse(null);
        String addressKey = AsyncApiDocument.AMQP.equals(connector) ? "address" : "topic";
        String address = ConfigProvider.getConfig().getOptionalValue(
                "mp.messaging." + (outgoing ? "outgoing." : "incoming.") + name + "." + addressKey, String.class)
                .orElse(name);
        Map<String, String> events = new LinkedHashMap<>();
        selected.stream().filter(event -> event.channel().equals(name)).forEach(event -> events.put(
                event.event().name(),
                event.event().payloadType() == null ? null : event.event().payloadType().toString()));
        return new Channel(name, outgoing, connector, address, events);
    }
}
