package io.quarkiverse.moduleevents.deployment;

import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.EVENT_MODULE;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.PAYLOAD;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.ParameterizedType;
import org.jboss.jandex.Type;
import org.jboss.logging.Logger;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.SentEvents;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.DuplicateDeclarationException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidDeclarationException;
import io.quarkiverse.moduleevents.runtime.EventDefinition;
import io.quarkiverse.moduleevents.runtime.EventDirectory;
import io.quarkiverse.moduleevents.runtime.ModuleDefinition;
import io.quarkiverse.moduleevents.runtime.ModuleEventEmitter;
import io.quarkiverse.moduleevents.runtime.ModuleEventsRecorder;
import io.quarkiverse.moduleevents.runtime.NamePattern;
import io.quarkiverse.moduleevents.runtime.SendListener;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmoAdaptor;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.ObserverInfo;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.configuration.ConfigurationException;

class ModuleEventsProcessor {

    private static final String FEATURE = "module-events";
    private static final Logger LOG = Logger.getLogger(ModuleEventsProcessor.class);

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem registerQualifiers() {
        return new AdditionalBeanBuildItem(EventModule.class, NamePattern.class);
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
            if (eventModule.target().kind() == AnnotationTarget.Kind.CLASS) {
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

    @BuildStep
    void generateTypedEmitters(DeclaredEventsBuildItem declared, BuildProducer<GeneratedBeanBuildItem> generatedBeans) {
        GeneratedBeanGizmoAdaptor output = new GeneratedBeanGizmoAdaptor(generatedBeans);
        for (EventModuleBuildItem module : declared.modules()) {
            if (module.emitterInterface() && module == declared.module(module.name())) {
                TypedEmitterGenerator.generate(module, output);
            }
        }
    }

    @BuildStep
    AdditionalBeanBuildItem registerSentEventsInTests(LaunchModeBuildItem launchMode) {
        return launchMode.getLaunchMode() == LaunchMode.TEST ? AdditionalBeanBuildItem.unremovableOf(SentEvents.class)
                : null;
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void registerEmitters(ModuleEventsRecorder recorder, DeclaredEventsBuildItem declared,
            BeanDiscoveryFinishedBuildItem beanDiscovery, CombinedIndexBuildItem index,
            LaunchModeBuildItem launchMode, BuildProducer<SyntheticBeanBuildItem> syntheticBeans) {
        boolean listened = launchMode.getLaunchMode() == LaunchMode.TEST;
        ReceiverTable receivers = new ReceiverTable(beanDiscovery.getObservers(),
                new PayloadTypes(index.getComputingIndex()));
        List<ModuleDefinition> definitions = new ArrayList<>();
        for (EventModuleBuildItem module : declared.modules()) {
            if (module == declared.module(module.name())) {
                definitions.add(moduleDefinition(module, receivers));
            }
        }
        RuntimeValue<EventDirectory> directory = recorder.directory(definitions);
        for (ModuleDefinition module : definitions) {
            SyntheticBeanBuildItem.ExtendedBeanConfigurator emitter = SyntheticBeanBuildItem
                    .configure(ModuleEventEmitter.class)
                    .types(EventEmitter.class)
                    .addQualifier().annotation(EVENT_MODULE).addValue("value", module.getName()).done()
                    .scope(Singleton.class)
                    .unremovable()
                    .addInjectionPoint(ParameterizedType.create(Event.class, ClassType.OBJECT_TYPE),
                            AnnotationInstance.builder(Any.class).build())
                    .addInjectionPoint(ClassType.create(BeanManager.class))
                    .createWith(recorder.emitter(directory, module.getName(), listened));
            if (listened) {
                emitter.addInjectionPoint(ClassType.create(SendListener.class));
            }
            syntheticBeans.produce(emitter.done());
        }
    }

    @BuildStep
    void validateEventModules(DeclaredEventsBuildItem declared, List<ModuleEventsProblemBuildItem> declarationProblems,
            BeanDiscoveryFinishedBuildItem beanDiscovery, CombinedIndexBuildItem index,
            BuildProducer<ValidationErrorBuildItem> validationErrors) {
        List<ModuleEventsDeploymentException> problems = new ArrayList<>();
        declarationProblems.forEach(problem -> problems.add(problem.problem()));
        ObserverRules rules = new ObserverRules(declared, new PayloadTypes(index.getComputingIndex()), problems::add);
        for (ObserverInfo observer : beanDiscovery.getObservers()) {
            rules.check(new ObservedEvent(observer));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(Throwable::getMessage));
            validationErrors.produce(new ValidationErrorBuildItem(new ArrayList<Throwable>(problems)));
        }
    }

    private static ModuleDefinition moduleDefinition(EventModuleBuildItem module, ReceiverTable receivers) {
        List<EventDefinition> events = new ArrayList<>();
        for (DeclaredEvent event : module.events()) {
            events.add(new EventDefinition(event.key(), event.name(), loadClass(event.payloadType()),
                    receivers.hasReceivers(event), receivers.patternsMatching(event.name())));
        }
        return new ModuleDefinition(module.name(), module.declaringInterface().toString(), events);
    }

    private static Class<?> loadClass(DotName name) {
        if (name == null) {
            return null;
        }
        try {
            return Class.forName(name.toString(), false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot load the payload type " + name, e);
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

    /**
     * Which declared events some observer can receive, decided from the observers found by bean discovery.
     */
    private static final class ReceiverTable {

        private final List<ObservedEvent> observers = new ArrayList<>();
        private final PayloadTypes payloadTypes;

        ReceiverTable(Iterable<ObserverInfo> observers, PayloadTypes payloadTypes) {
            for (ObserverInfo observer : observers) {
                this.observers.add(new ObservedEvent(observer));
            }
            this.payloadTypes = payloadTypes;
        }

        boolean hasReceivers(DeclaredEvent event) {
            for (ObservedEvent observer : observers) {
                if (observer.canReceive(event, payloadTypes)) {
                    return true;
                }
            }
            return false;
        }

        List<String> patternsMatching(String name) {
            return observers.stream().map(observer -> observer.pattern)
                    .filter(pattern -> pattern != null && NamePatterns.matches(pattern, name))
                    .distinct().sorted().toList();
        }
    }
}
