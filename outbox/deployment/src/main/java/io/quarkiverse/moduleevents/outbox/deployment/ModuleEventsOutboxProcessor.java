package io.quarkiverse.moduleevents.outbox.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.logging.Logger;

import io.quarkiverse.moduleevents.deployment.DeclaredEvent;
import io.quarkiverse.moduleevents.deployment.DeclaredEventsBuildItem;
import io.quarkiverse.moduleevents.deployment.DurableReceiverBuildItem;
import io.quarkiverse.moduleevents.deployment.EventModuleBuildItem;
import io.quarkiverse.moduleevents.deployment.MethodSignatures;
import io.quarkiverse.moduleevents.deployment.ModuleEventsProblemBuildItem;
import io.quarkiverse.moduleevents.deployment.ReceivedEvents;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.messaging.deployment.EventSubjects;
import io.quarkiverse.moduleevents.messaging.deployment.SelectedEventsBuildItem;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.JtaMissingException;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.NoDataSourceException;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.TransactionsDisabledException;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.UnsupportedDatabaseException;
import io.quarkiverse.moduleevents.outbox.runtime.DurableDelivery;
import io.quarkiverse.moduleevents.outbox.runtime.DurableEventSubjects;
import io.quarkiverse.moduleevents.outbox.runtime.DurableReceiverRecorder;
import io.quarkiverse.moduleevents.outbox.runtime.DurableReceiverSet;
import io.quarkiverse.moduleevents.outbox.runtime.DurableRecordRows;
import io.quarkiverse.moduleevents.outbox.runtime.InboxCleanup;
import io.quarkiverse.moduleevents.outbox.runtime.InboxRows;
import io.quarkiverse.moduleevents.outbox.runtime.NoDeliveryTimes;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxDataSource;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxInbox;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRecorder;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRelay;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRows;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxSchema;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxService;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxSnapshots;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxStartup;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxWriter;
import io.quarkiverse.moduleevents.outbox.runtime.StoreOutboxAdmin;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

class ModuleEventsOutboxProcessor {

    private static final String FEATURE = "module-events-outbox";
    private static final Logger LOG = Logger.getLogger(ModuleEventsOutboxProcessor.class);
    private static final DotName DURABLE = DotName.createSimple(Durable.class);
    private static final DotName REMOTE = DotName.createSimple(Remote.class);
    private static final List<String> SUPPORTED_KINDS = List.of("postgresql", "h2");
    /** the package of the classes that use Micrometer, named rather than loaded: it may be absent */
    private static final String METERS = "io.quarkiverse.moduleevents.outbox.runtime.metrics.";
    private static final String READINESS_CHECK = "io.quarkiverse.moduleevents.outbox.runtime.health.OutboxReadinessCheck";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    OutboxDataSourceBuildItem checkDataSource(OutboxBuildTimeConfig config, List<JdbcDataSourceBuildItem> dataSources,
            Capabilities capabilities, CombinedIndexBuildItem index, BuildProducer<ModuleEventsProblemBuildItem> problems) {
        String name = config.datasource().orElse(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        List<OutboxDeploymentException> found = new ArrayList<>();
        if (!capabilities.isPresent(Capability.TRANSACTIONS)) {
            found.add(new JtaMissingException("The outbox needs JTA transactions, and the application has no"
                    + " transaction manager [extension: io.quarkus:quarkus-narayana-jta]; add that extension, or"
                    + " stop excluding it"));
        }
        JdbcDataSourceBuildItem dataSource = dataSources.stream().filter(candidate -> candidate.getName().equals(name))
                .findFirst().orElse(null);
        if (dataSource == null) {
            found.add(new NoDataSourceException("The outbox has no datasource: datasource '" + name
                    + "' is not configured [quarkus.module-events.outbox.datasource" + config.datasource()
                            .map(value -> "=" + value).orElse(" unset: the default datasource")
                    + neededByDurableReceivers(index) + "]; configure it with " + key(name, "db-kind")
                    + "=postgresql (or h2) and its JDBC driver"
                    + " extension, or point quarkus.module-events.outbox.datasource at a configured datasource"));
        } else {
            checkDataSource(dataSource, found);
        }
        found.forEach(problem -> problems.produce(new ModuleEventsProblemBuildItem(problem)));
        LOG.debugf("Outbox datasource: '%s'", name);
        return found.isEmpty() ? new OutboxDataSourceBuildItem(name, dataSource.getDbKind()) : null;
    }

    private static void checkDataSource(JdbcDataSourceBuildItem dataSource, List<OutboxDeploymentException> found) {
        String name = dataSource.getName();
        if (!SUPPORTED_KINDS.contains(dataSource.getDbKind())) {
            found.add(new UnsupportedDatabaseException("The outbox does not support the database kind of its"
                    + " datasource: " + dataSource.getDbKind() + " [datasource: " + name + ", "
                    + key(name, "db-kind") + "]; use a postgresql or h2 datasource for the outbox, with"
                    + " quarkus.module-events.outbox.datasource"));
        }
        if (!dataSource.isTransactionIntegrationEnabled()) {
            found.add(new TransactionsDisabledException("The outbox's datasource does not take part in JTA"
                    + " transactions: " + key(name, "jdbc.transactions") + "=disabled [datasource: " + name
                    + "]; remove that setting (or set it to enabled or xa), so that an event commits with the"
                    + " work that sent it"));
        }
    }

    private static String key(String dataSource, String property) {
        return DataSourceUtil.isDefault(dataSource) ? "quarkus.datasource." + property
                : "quarkus.datasource.\"" + dataSource + "\"." + property;
    }

    @BuildStep
    AdditionalBeanBuildItem registerOutboxBeans(Optional<OutboxDataSourceBuildItem> dataSource) {
        return dataSource.isEmpty() ? null
                : AdditionalBeanBuildItem.builder().setUnremovable()
                        .addBeanClasses(OutboxService.class, OutboxSchema.class, OutboxRows.class,
                                OutboxWriter.class, OutboxRelay.class, OutboxStartup.class, StoreOutboxAdmin.class,
                                NoDeliveryTimes.class)
                        .build();
    }

    /**
     * The meters of the outbox, with {@code quarkus-micrometer}; their classes are not loaded without it.
     */
    @BuildStep
    AdditionalBeanBuildItem registerMeters(Optional<OutboxDataSourceBuildItem> dataSource,
            Optional<MetricsCapabilityBuildItem> metrics) {
        boolean micrometer = metrics.map(present -> present.metricsSupported(MetricsFactory.MICROMETER)).orElse(false);
        return dataSource.isEmpty() || !micrometer ? null
                : AdditionalBeanBuildItem.builder().setUnremovable()
                        .addBeanClasses(OutboxSnapshots.class.getName(), METERS + "MicrometerDeliveryTimes",
                                METERS + "OutboxGauges")
                        .build();
    }

    /**
     * The readiness check {@code module-events-outbox}, with {@code quarkus-smallrye-health}.
     */
    @BuildStep
    void registerReadinessCheck(Optional<OutboxDataSourceBuildItem> dataSource, Capabilities capabilities,
            BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<HealthBuildItem> healthChecks) {
        if (dataSource.isPresent() && capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(OutboxSnapshots.class));
            healthChecks.produce(new HealthBuildItem(READINESS_CHECK, true));
        }
    }

    @BuildStep
    AdditionalBeanBuildItem registerInbox(OutboxBuildTimeConfig config, Optional<OutboxDataSourceBuildItem> dataSource,
            SelectedEventsBuildItem bridged) {
        boolean enabled = config.inbox().enabled().orElse(!bridged.incomingChannels().isEmpty());
        LOG.debugf("Outbox inbox %s", enabled ? "enabled" : "disabled");
        return dataSource.isEmpty() || !enabled ? null
                : AdditionalBeanBuildItem.builder().setUnremovable()
                        .addBeanClasses(InboxRows.class, OutboxInbox.class, InboxCleanup.class)
                        .build();
    }

    @BuildStep
    void findDurableReceivers(CombinedIndexBuildItem index, BeanDiscoveryFinishedBuildItem beanDiscovery,
            DeclaredEventsBuildItem declared, BuildProducer<DurableReceiverBuildItem> durableReceivers,
            BuildProducer<ModuleEventsProblemBuildItem> problems) {
        List<MethodInfo> methods = durableMethods(index);
        // the bridge fires what comes from the broker with @Remote, which a durable receiver may require
        DurableReceiverRules rules = new DurableReceiverRules(beanDiscovery.getObservers(), methods,
                new ReceivedEvents(declared, index.getComputingIndex(), Set.of(REMOTE)),
                problem -> problems.produce(new ModuleEventsProblemBuildItem(problem)));
        for (MethodInfo method : methods) {
            if (rules.check(method)) {
                LOG.debugf("Durable receiver: %s", MethodSignatures.of(method));
                durableReceivers.produce(new DurableReceiverBuildItem(method));
            }
        }
    }

    /**
     * @return the methods annotated {@code @Durable}, sorted by class and name
     */
    private static List<MethodInfo> durableMethods(CombinedIndexBuildItem index) {
        return index.getIndex().getAnnotations(DURABLE).stream()
                .filter(durable -> durable.target().kind() == AnnotationTarget.Kind.METHOD)
                .map(durable -> durable.target().asMethod())
                .sorted(Comparator.comparing(MethodSignatures::of))
                .toList();
    }

    /**
     * @return {@code , needed by the durable receivers ...} for the message of a missing datasource, or nothing
     */
    private static String neededByDurableReceivers(CombinedIndexBuildItem index) {
        List<String> receivers = durableMethods(index).stream().map(DurableReceiverBuildItem::receiverName).distinct()
                .toList();
        return receivers.isEmpty() ? ""
                : ", needed by the durable receiver" + (receivers.size() == 1 ? " " : "s ") + String.join(", ", receivers);
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem recordDurableReceivers(OutboxRecorder recorder,
            Optional<OutboxDataSourceBuildItem> dataSource, List<DurableReceiverBuildItem> durableReceivers) {
        if (dataSource.isEmpty()) {
            return null;
        }
        Set<String> receivers = new TreeSet<>();
        durableReceivers.forEach(durable -> receivers.add(durable.receiver()));
        return SyntheticBeanBuildItem.configure(DurableReceiverSet.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.durableReceivers(receivers))
                .done();
    }

    @BuildStep
    AdditionalBeanBuildItem registerDurableReceiverBeans(Optional<OutboxDataSourceBuildItem> dataSource) {
        return dataSource.isEmpty() ? null
                : AdditionalBeanBuildItem.builder().setUnremovable()
                        .addBeanClasses(DurableRecordRows.class, DurableReceiverRecorder.class, DurableDelivery.class)
                        .build();
    }

    /**
     * The subject of a durable receiver's record is read from the payload's JSON as the bridge reads it; a payload
     * type with more than one {@code @EventSubject} member is reported as the bridge reports it, once: the bridge
     * reports the types of its events itself.
     */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem recordDurableEventSubjects(OutboxRecorder recorder,
            Optional<OutboxDataSourceBuildItem> dataSource, List<DurableReceiverBuildItem> durableReceivers,
            DeclaredEventsBuildItem declared, SelectedEventsBuildItem bridged, CombinedIndexBuildItem index,
            BuildProducer<ModuleEventsProblemBuildItem> problems) {
        if (dataSource.isEmpty()) {
            return null;
        }
        Map<String, String> properties = new TreeMap<>();
        if (!durableReceivers.isEmpty()) {
            Set<DotName> bridgedTypes = bridged.payloadTypes();
            EventSubjects reporting = new EventSubjects(index.getComputingIndex(),
                    problem -> problems.produce(new ModuleEventsProblemBuildItem(problem)));
            EventSubjects silent = new EventSubjects(index.getComputingIndex(), problem -> {
                // the bridge reports it
            });
            for (EventModuleBuildItem module : declared.modules()) {
                for (DeclaredEvent event : module.events()) {
                    DotName type = event.payloadType();
                    String property = type == null ? null
                            : (bridgedTypes.contains(type) ? silent : reporting).propertyOf(type);
                    if (property != null) {
                        properties.put(event.name(), property);
                    }
                }
            }
        }
        return SyntheticBeanBuildItem.configure(DurableEventSubjects.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.durableEventSubjects(properties))
                .done();
    }

    /**
     * The durable receivers' records are encoded and decoded by Jackson, also in a native executable.
     */
    @BuildStep
    ReflectiveClassBuildItem registerDurablePayloadsForJackson(List<DurableReceiverBuildItem> durableReceivers,
            DeclaredEventsBuildItem declared) {
        if (durableReceivers.isEmpty()) {
            return null;
        }
        String[] payloadTypes = declared.modules().stream().flatMap(module -> module.events().stream())
                .filter(event -> event.payloadType() != null).map(event -> event.payloadType().toString())
                .distinct().sorted().toArray(String[]::new);
        return payloadTypes.length == 0 ? null
                : ReflectiveClassBuildItem.builder(payloadTypes).constructors().methods().fields()
                        .reason(getClass().getName()).build();
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem recordDataSource(OutboxRecorder recorder, Optional<OutboxDataSourceBuildItem> dataSource) {
        return dataSource.map(checked -> SyntheticBeanBuildItem.configure(OutboxDataSource.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.dataSource(checked.name(), checked.dbKind()))
                .done()).orElse(null);
    }
}
