package io.quarkiverse.moduleevents.deployment;

import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.EVENT_MODULE;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.PAYLOAD;

import java.io.IOException;
import java.lang.constant.ClassDesc;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.SentEvents;
import io.quarkiverse.moduleevents.deployment.ModuleEventsBuildTimeConfig.Boundaries;
import io.quarkiverse.moduleevents.deployment.ModuleEventsBuildTimeConfig.ContractCheck;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.DuplicateDeclarationException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.EventContractException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidDeclarationException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidEventNameException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.ModuleBoundaryException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.ReceiverNeverRunsException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UnusedEventsException;
import io.quarkiverse.moduleevents.runtime.EmitterEventFiring;
import io.quarkiverse.moduleevents.runtime.ModuleEventEmitter;
import io.quarkiverse.moduleevents.runtime.ModuleEventTable;
import io.quarkiverse.moduleevents.runtime.NamePattern;
import io.quarkiverse.moduleevents.runtime.SendListener;
import io.quarkiverse.moduleevents.runtime.SentEventList;
import io.quarkiverse.moduleevents.runtime.dev.DevSentEventLog;
import io.quarkiverse.moduleevents.runtime.metrics.MicrometerEventMeters;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.ObserverInfo;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedClassBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.gizmo2.Const;
import io.quarkus.gizmo2.Gizmo;
import io.quarkus.gizmo2.creator.BlockCreator;
import io.quarkus.gizmo2.desc.ConstructorDesc;
import io.quarkus.gizmo2.desc.MethodDesc;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.metrics.MetricsFactory;

class ModuleEventsProcessor {

    private static final String FEATURE = "module-events";
    private static final String CATALOG_RESOURCE = "META-INF/module-events/catalog.json";
    private static final Logger LOG = Logger.getLogger(ModuleEventsProcessor.class);
    private static final MethodDesc CREATE_EMITTER = MethodDesc.of(ModuleEventEmitter.class, "create", EventEmitter.class,
            ModuleEventTable.class, SyntheticCreationalContext.class, boolean.class);

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem registerQualifiers() {
        return new AdditionalBeanBuildItem(EventModule.class, NamePattern.class);
    }

    @BuildStep
    AdditionalBeanBuildItem registerDeclaredEventFiring() {
        return new AdditionalBeanBuildItem(EmitterEventFiring.class);
    }

    /**
     * The meters exist only when the application has {@code quarkus-micrometer}: otherwise no class that refers to
     * Micrometer is loaded, and the emitters count nothing.
     */
    @BuildStep
    AdditionalBeanBuildItem registerMeters(Optional<MetricsCapabilityBuildItem> metrics) {
        return metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER)
                ? AdditionalBeanBuildItem.unremovableOf(MicrometerEventMeters.class)
                : null;
    }

    @BuildStep
    AnnotationsTransformerBuildItem turnNamePatternsIntoQualifiers() {
        // ArC reads parameter annotations as part of their method, so the transformation works on methods
        return new AnnotationsTransformerBuildItem(AnnotationTransformation.forMethods()
                .whenAnyMatch(NamePatternReceivers::isNamePattern)
                .transform(NamePatternReceivers::replaceNamedWithNamePattern));
    }

    @BuildStep
    void collectEventModules(CombinedIndexBuildItem index, ModuleEventsBuildTimeConfig config,
            BuildProducer<EventModuleBuildItem> modules, BuildProducer<ModuleEventsProblemBuildItem> problems) {
        EventModuleReader reader = new EventModuleReader(index.getComputingIndex(), namePattern(config),
                patternHint(config), problem -> problems.produce(new ModuleEventsProblemBuildItem(problem)));
        for (AnnotationInstance eventModule : index.getIndex().getAnnotations(EVENT_MODULE)) {
            if (eventModule.target().kind() == AnnotationTarget.Kind.CLASS && !isPackageInfo(eventModule.target())) {
                EventModuleBuildItem module = reader.read(eventModule.target().asClass(),
                        eventModule.value().asString());
                if (module != null) {
                    LOG.debugf("Found event module '%s' in %s with %d events", module.name(),
                            module.declaringInterface(), module.events().size());
                    modules.produce(module);
                }
            }
        }
    }

    @BuildStep
    void collectModulePackages(CombinedIndexBuildItem index, DeclaredEventsBuildItem declared,
            ModuleEventsBuildTimeConfig config, BuildProducer<ModulePackageBuildItem> modulePackages,
            BuildProducer<ModuleEventsProblemBuildItem> problems) {
        Set<String> modules = new HashSet<>(declared.moduleNames());
        for (AnnotationInstance eventModule : index.getIndex().getAnnotations(EVENT_MODULE)) {
            if (!isPackageInfo(eventModule.target())) {
                continue;
            }
            String packageName = ReceivingModules.packageOf(eventModule.target().asClass().name().toString());
            String module = eventModule.value().asString();
            if (EventModuleReader.isModuleName(module)) {
                LOG.debugf("Package %s belongs to module '%s'", packageName, module);
                modulePackages.produce(new ModulePackageBuildItem(packageName, module));
                modules.add(module);
            } else {
                problems.produce(new ModuleEventsProblemBuildItem(new InvalidEventNameException(
                        "Module name is not a single name segment: '" + module + "' [package: " + packageName
                                + "]; name the module with one segment of lower-case letters, digits and hyphens,"
                                + " such as @EventModule(\"audit\")")));
            }
        }
        config.modules().forEach((module, moduleConfig) -> {
            if (!modules.contains(module)) {
                throw new ConfigurationException("quarkus.module-events.modules.\"" + module + "\".packages names a"
                        + " module that no @EventModule interface or package declares; declared modules: "
                        + new TreeSet<>(modules));
            }
            moduleConfig.packages().orElse(List.of())
                    .forEach(packageName -> modulePackages.produce(new ModulePackageBuildItem(packageName, module)));
        });
    }

    private static boolean isPackageInfo(AnnotationTarget target) {
        return target.kind() == AnnotationTarget.Kind.CLASS
                && target.asClass().name().withoutPackagePrefix().equals("package-info");
    }

    @BuildStep
    void checkPayloadPlacement(CombinedIndexBuildItem index, BuildProducer<ModuleEventsProblemBuildItem> problems) {
        for (AnnotationInstance payload : index.getIndex().getAnnotations(PAYLOAD)) {
            FieldInfo field = payload.target().asField();
            ClassInfo owner = field.declaringClass();
            if (!Modifier.isInterface(owner.flags()) || !owner.hasDeclaredAnnotation(EVENT_MODULE)) {
                problems.produce(new ModuleEventsProblemBuildItem(new InvalidDeclarationException(
                        "@Payload stands on a field that is not a constant of an @EventModule interface: "
                                + owner.name() + "#" + field.name() + "; put it on the String constant that"
                                + " declares the event, in its module's @EventModule interface")));
            }
        }
    }

    @BuildStep
    DeclaredEventsBuildItem aggregateEventModules(List<EventModuleBuildItem> modules,
            BuildProducer<ModuleEventsProblemBuildItem> problems) {
        DeclaredEventsBuildItem declared = new DeclaredEventsBuildItem(modules);
        Map<String, EventModuleBuildItem> moduleByName = new HashMap<>();
        Map<String, DeclaredEvent> eventByName = new HashMap<>();
        for (EventModuleBuildItem module : declared.modules()) {
            EventModuleBuildItem previousModule = moduleByName.putIfAbsent(module.name(), module);
            if (previousModule != null) {
                problems.produce(new ModuleEventsProblemBuildItem(new DuplicateDeclarationException(
                        "Module name is declared by two interfaces: '" + module.name() + "' [interfaces: "
                                + previousModule.declaringInterface() + ", " + module.declaringInterface()
                                + "]; declare each module's events in one interface, or rename one module")));
            }
            for (DeclaredEvent event : module.events()) {
                DeclaredEvent previous = eventByName.putIfAbsent(event.name(), event);
                if (previous != null) {
                    problems.produce(new ModuleEventsProblemBuildItem(new DuplicateDeclarationException(
                            "Event name is declared twice: '" + event.name() + "' [constants: " + previous.member()
                                    + ", " + event.member() + "]; keep one constant and refer to it")));
                }
            }
        }
        return declared;
    }

    /**
     * Reads the application's bytecode once, for the send sites of every class and the module boundaries of every class
     * in a module.
     */
    @BuildStep
    void checkBytecode(CombinedIndexBuildItem index, DeclaredEventsBuildItem declared,
            List<ModulePackageBuildItem> modulePackages, ModuleEventsBuildTimeConfig config,
            BuildProducer<SendSitesBuildItem> sendSites, BuildProducer<BoundaryCrossingsBuildItem> boundaryCrossings,
            BuildProducer<ModuleEventsProblemBuildItem> problems) {
        SendSiteScanner scanner = new SendSiteScanner(emitterInterfaces(declared));
        ModuleBoundaryScanner boundaries = config.boundaries() == Boundaries.IGNORE ? null
                : new ModuleBoundaryScanner(new ReceivingModules(declared, modulePackages),
                        PublishedTypes.of(declared, index.getIndex()));
        List<SendSite> sites = new ArrayList<>();
        List<BoundaryCrossing> crossings = new ArrayList<>();
        for (ClassInfo type : index.getIndex().getKnownClasses()) {
            String module = boundaries == null ? null : boundaries.moduleOf(type.name().toString().replace('.', '/'));
            byte[] classFile = ClassFiles.read(type.name());
            if (classFile != null && scanner.mayCallEmitters(classFile)) {
                sites.addAll(scanner.scan(classFile));
            }
            if (classFile != null && module != null) {
                crossings.addAll(boundaries.scan(classFile, module));
            }
        }
        SendSiteRules rules = new SendSiteRules(declared, new PayloadTypes(index.getComputingIndex()),
                problem -> problems.produce(new ModuleEventsProblemBuildItem(problem)));
        sites.forEach(rules::check);
        LOG.debugf("Found %d emitter calls with a constant name and %d module boundary crossings", sites.size(),
                crossings.size());
        sendSites.produce(new SendSitesBuildItem(sites));
        boundaryCrossings.produce(new BoundaryCrossingsBuildItem(crossings));
    }

    @BuildStep
    void reportBoundaryCrossings(BoundaryCrossingsBuildItem boundaryCrossings, ModuleEventsBuildTimeConfig config,
            BuildProducer<ModuleEventsProblemBuildItem> problems) {
        List<String> messages = boundaryCrossings.crossings().stream().map(BoundaryCrossing::message).toList();
        if (config.boundaries() == Boundaries.FAIL) {
            messages.forEach(message -> problems.produce(new ModuleEventsProblemBuildItem(
                    new ModuleBoundaryException(message))));
        } else if (!messages.isEmpty()) {
            LOG.warn("Module boundaries crossed " + messages.size() + " times (set quarkus.module-events.boundaries=fail"
                    + " to fail the build, or ignore to stop looking):\n" + String.join("\n", messages));
        }
    }

    private static Map<String, String> emitterInterfaces(DeclaredEventsBuildItem declared) {
        Map<String, String> modules = new HashMap<>();
        for (EventModuleBuildItem module : declared.modules()) {
            if (module.emitterInterface()) {
                modules.put(module.declaringInterface().toString().replace('.', '/'), module.name());
            }
        }
        return modules;
    }

    @BuildStep
    void generateTypedEmitters(DeclaredEventsBuildItem declared, BuildProducer<GeneratedBeanBuildItem> generatedBeans) {
        Gizmo gizmo = GeneratedBeans.gizmo(generatedBeans);
        for (EventModuleBuildItem module : declared.modules()) {
            if (module.emitterInterface() && module == declared.module(module.name())) {
                TypedEmitterGenerator.generate(module, gizmo);
            }
        }
    }

    @BuildStep
    EventCatalogBuildItem buildCatalog(DeclaredEventsBuildItem declared, SendSitesBuildItem sendSites,
            BeanDiscoveryFinishedBuildItem beanDiscovery, CombinedIndexBuildItem index,
            List<EventChannelBuildItem> bridged, List<ModulePackageBuildItem> modulePackages,
            List<DurableReceiverBuildItem> durableReceivers, List<FiredQualifierBuildItem> firedQualifiers,
            BoundaryCrossingsBuildItem boundaryCrossings) {
        Set<DotName> firedWith = firedQualifiers.stream().map(FiredQualifierBuildItem::qualifier)
                .collect(Collectors.toSet());
        List<ModuleEventObserver> observers = beanDiscovery.getObservers().stream()
                .map(observer -> new ModuleEventObserver(observer, firedWith)).toList();
        Set<String> durable = durableReceivers.stream().map(DurableReceiverBuildItem::receiver).collect(Collectors.toSet());
        return EventCatalogs.build(declared, sendSites, observers, new PayloadTypes(index.getComputingIndex()),
                bridged, new ReceivingModules(declared, modulePackages), durable, boundaryCrossings);
    }

    @BuildStep
    PayloadSchemasBuildItem derivePayloadSchemas(DeclaredEventsBuildItem declared) {
        Config config = ConfigProvider.getConfig();
        PayloadSchemas derivation = new PayloadSchemas(
                config.getOptionalValue("quarkus.jackson.write-dates-as-timestamps", Boolean.class).orElse(false),
                config.getOptionalValue("quarkus.jackson.write-durations-as-timestamps", Boolean.class).orElse(true));
        Map<String, String> schemas = new HashMap<>();
        for (EventModuleBuildItem module : declared.modules()) {
            for (DeclaredEvent event : module.events()) {
                if (event.payloadType() != null) {
                    schemas.computeIfAbsent(event.payloadType().toString(),
                            type -> derivation.schemaOf(ClassFiles.load(type)).toString());
                }
            }
        }
        return new PayloadSchemasBuildItem(schemas);
    }

    @BuildStep
    void checkEventContracts(ModuleEventsBuildTimeConfig config, EventCatalogBuildItem catalog,
            PayloadSchemasBuildItem schemas, OutputTargetBuildItem outputTarget,
            BuildProducer<ModuleEventsProblemBuildItem> problems) {
        if (config.contract().baseline().isEmpty()) {
            return;
        }
        Path target = outputTarget.getOutputDirectory();
        Path baseline = target.toAbsolutePath().getParent().resolve(config.contract().baseline().get()).normalize();
        JsonNode baselineCatalog;
        try {
            baselineCatalog = new ObjectMapper().readTree(baseline.toFile());
        } catch (IOException e) {
            problems.produce(new ModuleEventsProblemBuildItem(new EventContractException("Cannot read the contract"
                    + " baseline " + baseline + " (quarkus.module-events.contract.baseline): " + e.getMessage()
                    + ". Give the catalog.json that the build of the release already deployed wrote"
                    + " (target/module-events/catalog.json), relative to the module's directory.")));
            return;
        }
        String accept = "If the break is intended, accept it by replacing the baseline " + baseline
                + " with this build's " + target.resolve("module-events").resolve("catalog.json")
                + ", and deploy the services that read the event first.";
        List<String> breaks = EventContracts.breaks(baselineCatalog, catalog, schemas).stream()
                .map(EventContracts.ContractBreak::describe).toList();
        if (config.contract().check() == ContractCheck.FAIL) {
            breaks.forEach(description -> problems.produce(new ModuleEventsProblemBuildItem(
                    new EventContractException("Event contract broken: " + description + ". " + accept))));
        } else if (!breaks.isEmpty()) {
            LOG.warn("Event contracts broken " + breaks.size() + " times against the baseline " + baseline
                    + " (quarkus.module-events.contract.check=warn):\n" + String.join("\n", breaks) + "\n" + accept);
        }
    }

    @BuildStep
    GeneratedResourceBuildItem writeCatalog(EventCatalogBuildItem catalog, PayloadSchemasBuildItem schemas,
            OutputTargetBuildItem outputTarget) throws IOException {
        String json = EventCatalogRenderer.json(catalog, schemas);
        Path directory = outputTarget.getOutputDirectory().resolve("module-events");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("catalog.json"), json);
        Files.writeString(directory.resolve("catalog.md"), EventCatalogRenderer.markdown(catalog));
        LOG.debugf("Wrote the event catalog to %s", directory);
        // the catalog also ships inside the application, for tools that inspect a built artifact
        return new GeneratedResourceBuildItem(CATALOG_RESOURCE, json.getBytes(StandardCharsets.UTF_8));
    }

    @BuildStep
    void reportUnusedEvents(EventCatalogBuildItem catalog, ModuleEventsBuildTimeConfig config,
            BuildProducer<ModuleEventsProblemBuildItem> problems) {
        List<String> unused = catalog.modules().stream().flatMap(module -> module.events().stream())
                .filter(EventCatalogBuildItem.CatalogEvent::unused).map(EventCatalogBuildItem.CatalogEvent::name).sorted()
                .toList();
        if (!unused.isEmpty()) {
            reportUnused(config, problems, new UnusedEventsException("Events that nothing sends and nothing"
                    + " receives: " + String.join(", ", unused) + "; remove them, send or receive them, or set"
                    + " quarkus.module-events.unused=ignore (a name sent only as a computed, non-constant value counts"
                    + " as not sent)"));
        }
    }

    @BuildStep
    void reportReceiversThatNeverRun(EventCatalogBuildItem catalog, ModuleEventsBuildTimeConfig config,
            BuildProducer<ModuleEventsProblemBuildItem> problems) {
        List<String> neverRun = UnreachableReceivers.describe(catalog);
        if (!neverRun.isEmpty()) {
            reportUnused(config, problems, new ReceiverNeverRunsException("Receivers that never run, because"
                    + " every call that sends their events sends them the other way: " + String.join("; ", neverRun)
                    + ". An @ObservesAsync receiver gets only what sendAsync sends, an @Observes receiver only what"
                    + " send and sendRobust send: change how the event is sent or how it is observed, or set"
                    + " quarkus.module-events.unused=ignore (a name sent only as a computed, non-constant value is not"
                    + " seen)"));
        }
    }

    /**
     * Applies {@code quarkus.module-events.unused} to a finding: fails the build, logs a warning, or says nothing.
     */
    private static void reportUnused(ModuleEventsBuildTimeConfig config,
            BuildProducer<ModuleEventsProblemBuildItem> problems, ModuleEventsDeploymentException finding) {
        switch (config.unused()) {
            case FAIL -> problems.produce(new ModuleEventsProblemBuildItem(finding));
            case WARN -> LOG.warn(finding.getMessage());
            case IGNORE -> {
            }
        }
    }

    @BuildStep
    AdditionalBeanBuildItem registerSendListener(LaunchModeBuildItem launchMode) {
        return switch (launchMode.getLaunchMode()) {
            case TEST -> AdditionalBeanBuildItem.builder().addBeanClasses(SentEvents.class, SentEventList.class)
                    .setUnremovable().build();
            case DEVELOPMENT -> AdditionalBeanBuildItem.unremovableOf(DevSentEventLog.class);
            default -> null;
        };
    }

    @BuildStep
    void generateEventTables(EventCatalogBuildItem catalog, BuildProducer<GeneratedClassBuildItem> generatedClasses,
            BuildProducer<GeneratedResourceBuildItem> generatedResources) {
        Gizmo gizmo = GeneratedBeans.applicationClasses(generatedClasses, generatedResources);
        for (EventCatalogBuildItem.CatalogModule module : catalog.modules()) {
            EventTableGenerator.generate(module, gizmo);
        }
    }

    /**
     * One emitter bean per module, created by ArC on its first injection with the module's generated event table:
     * the extension records nothing for start-up.
     */
    @BuildStep
    void registerEmitters(EventCatalogBuildItem catalog, LaunchModeBuildItem launchMode,
            BuildProducer<SyntheticBeanBuildItem> syntheticBeans) {
        // in production no listener exists, and emitters skip the listening code altogether
        boolean listened = launchMode.getLaunchMode() == LaunchMode.TEST
                || launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT;
        for (EventCatalogBuildItem.CatalogModule module : catalog.modules()) {
            ClassDesc table = ClassDesc.of(EventTableGenerator.className(module));
            SyntheticBeanBuildItem.ExtendedBeanConfigurator emitter = SyntheticBeanBuildItem
                    .configure(ModuleEventEmitter.class)
                    .types(EventEmitter.class)
                    .addQualifier().annotation(EVENT_MODULE).addValue("value", module.name()).done()
                    .scope(Singleton.class)
                    .unremovable()
                    // its creator refers to the generated table, an application class
                    .forceApplicationClass()
                    .addInjectionPoint(ClassType.create(BeanManager.class))
                    .creator(creation -> {
                        BlockCreator body = creation.createMethod();
                        body.return_(body.invokeStatic(CREATE_EMITTER, body.new_(ConstructorDesc.of(table)),
                                creation.syntheticCreationalContext(), Const.of(listened)));
                    });
            if (listened) {
                emitter.addInjectionPoint(ClassType.create(SendListener.class));
            }
            syntheticBeans.produce(emitter.done());
        }
    }

    @BuildStep
    void validateEventModules(DeclaredEventsBuildItem declared, List<ModuleEventsProblemBuildItem> reportedProblems,
            BeanDiscoveryFinishedBuildItem beanDiscovery, CombinedIndexBuildItem index,
            BuildProducer<ValidationErrorBuildItem> validationErrors) {
        List<DeploymentException> problems = new ArrayList<>();
        reportedProblems.forEach(problem -> problems.add(problem.problem()));
        ObserverRules rules = new ObserverRules(declared, new PayloadTypes(index.getComputingIndex()), problems::add);
        for (ObserverInfo observer : beanDiscovery.getObservers()) {
            rules.check(new ModuleEventObserver(observer));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(Throwable::getMessage));
            // one error, not one per problem: ArC rethrows a single DeploymentException as it is, which makes our
            // list the root cause, and so the headline of dev mode's error page
            validationErrors.produce(new ValidationErrorBuildItem(ModuleEventsProblemsException.of(problems)));
        }
    }

    private static Pattern namePattern(ModuleEventsBuildTimeConfig config) {
        try {
            return Pattern.compile(config.namePattern());
        } catch (PatternSyntaxException e) {
            throw new ConfigurationException("quarkus.module-events.name-pattern is not a valid regular expression: "
                    + e.getMessage());
        }
    }

    private static String patternHint(ModuleEventsBuildTimeConfig config) {
        return config.namePattern().equals(ModuleEventsBuildTimeConfig.DEFAULT_NAME_PATTERN)
                ? EventModuleReader.DEFAULT_PATTERN_HINT
                : "a name that matches quarkus.module-events.name-pattern";
    }
}
