package io.quarkiverse.moduleevents.messaging.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.jandex.DotName;
import org.jboss.logging.Logger;

import io.quarkiverse.moduleevents.deployment.ClassFiles;
import io.quarkiverse.moduleevents.deployment.DeclaredEventsBuildItem;
import io.quarkiverse.moduleevents.deployment.EventChannelBuildItem;
import io.quarkiverse.moduleevents.deployment.FiredQualifierBuildItem;
import io.quarkiverse.moduleevents.deployment.GeneratedBeans;
import io.quarkiverse.moduleevents.deployment.ModuleEventsProblemBuildItem;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.messaging.deployment.ModuleEventsMessagingDeploymentException.StructuredCloudEventsException;
import io.quarkiverse.moduleevents.messaging.runtime.AfterCommit;
import io.quarkiverse.moduleevents.messaging.runtime.BridgeRoutes;
import io.quarkiverse.moduleevents.messaging.runtime.ChannelCounters;
import io.quarkiverse.moduleevents.messaging.runtime.CloudEventEncoder;
import io.quarkiverse.moduleevents.messaging.runtime.DirectPublisher;
import io.quarkiverse.moduleevents.messaging.runtime.IncomingEventReceiver;
import io.quarkiverse.moduleevents.messaging.runtime.IncomingRoute;
import io.quarkiverse.moduleevents.messaging.runtime.MessagingBridgeRecorder;
import io.quarkiverse.moduleevents.messaging.runtime.OutgoingChannels;
import io.quarkiverse.moduleevents.messaging.runtime.OutgoingForwarder;
import io.quarkiverse.moduleevents.messaging.runtime.OutgoingRoute;
import io.quarkiverse.moduleevents.messaging.runtime.RoutedEventSender;
import io.quarkiverse.moduleevents.messaging.runtime.metrics.MicrometerBridgeMeters;
import io.quarkiverse.moduleevents.messaging.runtime.tracing.NoEventTracing;
import io.quarkiverse.moduleevents.messaging.runtime.tracing.OpenTelemetryEventTracing;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.gizmo2.Gizmo;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.reactivemessaging.deployment.items.ChannelBuildItem;
import io.quarkus.smallrye.reactivemessaging.deployment.items.ChannelDirection;
import io.quarkus.smallrye.reactivemessaging.deployment.items.ConnectorManagedChannelBuildItem;
import io.quarkus.smallrye.reactivemessaging.deployment.items.InjectedEmitterBuildItem;

class ModuleEventsMessagingProcessor {

    private static final String FEATURE = "module-events-messaging";
    private static final Logger LOG = Logger.getLogger(ModuleEventsMessagingProcessor.class);
    private static final String KAFKA = "smallrye-kafka";
    private static final String AMQP = "smallrye-amqp";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * The events that arrive from a broker are fired with {@code @Remote}: the catalog lists their receivers.
     */
    @BuildStep
    FiredQualifierBuildItem remoteQualifier() {
        return new FiredQualifierBuildItem(DotName.createSimple(Remote.class));
    }

    @BuildStep
    AdditionalBeanBuildItem registerBridgeBeans() {
        return AdditionalBeanBuildItem.builder().setUnremovable()
                .addBeanClasses(Remote.class, ChannelCounters.class, CloudEventEncoder.class, OutgoingChannels.class,
                        DirectPublisher.class, AfterCommit.class, OutgoingForwarder.class, RoutedEventSender.class,
                        IncomingEventReceiver.class)
                .build();
    }

    /**
     * Carries the sender's trace only when the application has {@code quarkus-opentelemetry}, so that the tracing
     * classes, and the optional OpenTelemetry API they use, are loaded only then.
     */
    @BuildStep
    AdditionalBeanBuildItem registerTracing(Capabilities capabilities) {
        return AdditionalBeanBuildItem.unremovableOf(capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)
                ? OpenTelemetryEventTracing.class
                : NoEventTracing.class);
    }

    /**
     * The bridge's meters exist only when the application has {@code quarkus-micrometer}; its counters feed them.
     */
    @BuildStep
    AdditionalBeanBuildItem registerBridgeMeters(Optional<MetricsCapabilityBuildItem> metrics) {
        return metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER)
                ? AdditionalBeanBuildItem.unremovableOf(MicrometerBridgeMeters.class)
                : null;
    }

    @BuildStep
    SelectedEventsBuildItem selectBridgedEvents(MessagingBridgeBuildTimeConfig config, DeclaredEventsBuildItem declared,
            BuildProducer<ModuleEventsProblemBuildItem> problems) {
        EventSelection selection = new EventSelection(declared,
                problem -> problems.produce(new ModuleEventsProblemBuildItem(problem)));
        List<SelectedEvent> events = new ArrayList<>();
        new TreeMap<>(config.outgoing()).forEach(
                (channel, selected) -> events.addAll(selection.select(channel, true, selected.events())));
        new TreeMap<>(config.incoming()).forEach(
                (channel, selected) -> events.addAll(selection.select(channel, false, selected.events())));
        events.forEach(bridged -> LOG.debugf("Bridging '%s' %s channel '%s'", bridged.event().name(),
                bridged.outgoing() ? "out on" : "in from", bridged.channel()));
        return new SelectedEventsBuildItem(events);
    }

    @BuildStep
    void reportBridgedEvents(SelectedEventsBuildItem bridged, BuildProducer<EventChannelBuildItem> catalog) {
        for (SelectedEvent event : bridged.outgoing()) {
            catalog.produce(new EventChannelBuildItem(event.event().name(), event.channel(), true));
        }
        for (SelectedEvent event : bridged.incoming()) {
            catalog.produce(new EventChannelBuildItem(event.event().name(), event.channel(), false));
        }
    }

    @BuildStep
    void checkBinaryCloudEvents(SelectedEventsBuildItem bridged, BuildProducer<ModuleEventsProblemBuildItem> problems) {
        Config config = ConfigProvider.getConfig();
        for (String channel : bridged.outgoingChannels()) {
            checkBinaryCloudEvents(config, "mp.messaging.outgoing." + channel + ".cloud-events-mode", problems);
        }
    }

    private static void checkBinaryCloudEvents(Config config, String key,
            BuildProducer<ModuleEventsProblemBuildItem> problems) {
        String mode = config.getOptionalValue(key, String.class).orElse("binary");
        if (mode.trim().equalsIgnoreCase("structured")) {
            problems.produce(new ModuleEventsProblemBuildItem(new StructuredCloudEventsException(
                    "Bridged channel is configured for structured CloudEvents: " + key + "=" + mode
                            + "; the messaging bridge sends binary mode only: remove " + key
                            + " or set it to binary")));
        }
    }

    @BuildStep
    void registerChannels(SelectedEventsBuildItem bridged, BuildProducer<ChannelBuildItem> channels,
            BuildProducer<InjectedEmitterBuildItem> emitters) {
        for (String channel : bridged.outgoingChannels()) {
            channels.produce(ChannelBuildItem.outgoing(channel, configuredConnector("outgoing", channel)));
            // unbounded, because DirectPublisher bounds the pending sends itself and fails the excess
            // without failing the emitter, which a full bounded buffer would
            emitters.produce(InjectedEmitterBuildItem.of(channel, Emitter.class.getName(), "UNBOUNDED_BUFFER", 0,
                    false, -1));
        }
    }

    private static String configuredConnector(String direction, String channel) {
        return ConfigProvider.getConfig()
                .getOptionalValue("mp.messaging." + direction + "." + channel + ".connector", String.class)
                .orElse(null);
    }

    @BuildStep
    void generateIncomingConsumers(SelectedEventsBuildItem bridged, BuildProducer<GeneratedBeanBuildItem> beans) {
        Gizmo gizmo = GeneratedBeans.gizmo(beans);
        for (String channel : bridged.incomingChannels()) {
            IncomingChannelGenerator.generate(channel, gizmo);
        }
    }

    @BuildStep
    void contributeConnectorDefaults(SelectedEventsBuildItem bridged, List<ConnectorManagedChannelBuildItem> managed,
            BuildProducer<RunTimeConfigurationDefaultBuildItem> defaults) {
        Map<String, String> connectors = connectors(managed, ChannelDirection.OUTGOING);
        for (String channel : bridged.outgoingChannels()) {
            String prefix = "mp.messaging.outgoing." + channel + ".";
            if (KAFKA.equals(connectors.get(channel))) {
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "acks", "all"));
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "enable.idempotence", "true"));
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "key.serializer",
                        "org.apache.kafka.common.serialization.StringSerializer"));
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "value.serializer",
                        "org.apache.kafka.common.serialization.ByteArraySerializer"));
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "cloud-events-mode", "binary"));
            } else if (AMQP.equals(connectors.get(channel))) {
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "durable", "true"));
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "cloud-events-mode", "binary"));
            }
        }
        Map<String, String> incomingConnectors = connectors(managed, ChannelDirection.INCOMING);
        for (String channel : bridged.incomingChannels()) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            if (KAFKA.equals(incomingConnectors.get(channel)) || AMQP.equals(incomingConnectors.get(channel))) {
                // the connectors' CloudEvents parsing fails before the bridge sees a message whose attributes do not
                // parse, and stops the channel (Kafka) or leaves the message unsettled (AMQP); the bridge reads the
                // attributes itself and rejects such a message (IncomingCloudEvents)
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "cloud-events", "false"));
            }
            if (KAFKA.equals(incomingConnectors.get(channel))) {
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "key.deserializer",
                        "org.apache.kafka.common.serialization.StringDeserializer"));
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "value.deserializer",
                        "org.apache.kafka.common.serialization.ByteArrayDeserializer"));
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "auto.offset.reset", "earliest"));
                // one bad message goes to the dead-letter topic instead of stopping the channel
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "failure-strategy",
                        "dead-letter-queue"));
            } else if (AMQP.equals(incomingConnectors.get(channel))) {
                // the connector's default, fail, closes the connection on the first rejected message and stops
                // every AMQP channel; reject settles it as rejected, so the broker dead-letters it
                defaults.produce(new RunTimeConfigurationDefaultBuildItem(prefix + "failure-strategy", "reject"));
            }
        }
    }

    private static Map<String, String> connectors(List<ConnectorManagedChannelBuildItem> managed,
            ChannelDirection direction) {
        Map<String, String> connectors = new TreeMap<>();
        for (ConnectorManagedChannelBuildItem channel : managed) {
            if (channel.getDirection() == direction) {
                connectors.put(channel.getName(), channel.getConnector());
            }
        }
        return connectors;
    }

    @BuildStep
    ReflectiveClassBuildItem registerPayloadsForJackson(SelectedEventsBuildItem bridged) {
        String[] payloadTypes = Stream.concat(bridged.outgoing().stream(), bridged.incoming().stream())
                .map(event -> event.event().payloadType().toString()).distinct().sorted().toArray(String[]::new);
        return payloadTypes.length == 0 ? null
                : ReflectiveClassBuildItem.builder(payloadTypes).constructors().methods().fields()
                        .reason(getClass().getName()).build();
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem recordRoutes(MessagingBridgeRecorder recorder, SelectedEventsBuildItem bridged,
            DeclaredEventsBuildItem declared, List<ConnectorManagedChannelBuildItem> managed,
            CombinedIndexBuildItem index, BuildProducer<ModuleEventsProblemBuildItem> problems) {
        EventSubjects subjects = new EventSubjects(index.getComputingIndex(),
                problem -> problems.produce(new ModuleEventsProblemBuildItem(problem)));
        Map<String, String> connectors = connectors(managed, ChannelDirection.OUTGOING);
        List<OutgoingRoute> outgoing = bridged.outgoing().stream()
                .map(event -> new OutgoingRoute(event.channel(), event.event().name(), event.event().module(),
                        subjects.propertyOf(event.event().payloadType()), KAFKA.equals(connectors.get(event.channel()))))
                .toList();
        // the receiving side takes the subject from the message, but a payload type it shares with the sender must
        // be as unambiguous here as there
        bridged.incoming().forEach(event -> subjects.propertyOf(event.event().payloadType()));
        List<IncomingRoute> incoming = bridged.incoming().stream()
                .map(event -> new IncomingRoute(event.channel(), event.event().name(), event.event().module(),
                        ClassFiles.load(event.event().payloadType().toString())))
                .toList();
        return SyntheticBeanBuildItem.configure(BridgeRoutes.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.routes(outgoing, incoming, List.copyOf(declared.eventNames()),
                        connectors(managed, ChannelDirection.INCOMING)))
                .done();
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void checkRuntimeConfiguration(MessagingBridgeRecorder recorder, SelectedEventsBuildItem bridged,
            List<ConnectorManagedChannelBuildItem> managed) {
        Map<String, String> connectors = connectors(managed, ChannelDirection.INCOMING);
        List<String> kafkaIncoming = bridged.incomingChannels().stream()
                .filter(channel -> KAFKA.equals(connectors.get(channel))).toList();
        recorder.checkConfiguration(!bridged.outgoing().isEmpty(), kafkaIncoming);
    }
}
