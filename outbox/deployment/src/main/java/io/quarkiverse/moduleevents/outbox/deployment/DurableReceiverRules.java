package io.quarkiverse.moduleevents.outbox.deployment;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.moduleevents.deployment.DeclaredEvent;
import io.quarkiverse.moduleevents.deployment.DurableReceiverBuildItem;
import io.quarkiverse.moduleevents.deployment.MethodSignatures;
import io.quarkiverse.moduleevents.deployment.ReceivedEvents;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.DurableAsyncObserverException;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.DurableNameTakenException;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.DurableNotObserverException;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.DurableTransactionPhaseException;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.DurableWithoutPayloadException;
import io.quarkus.arc.processor.ObserverInfo;

/**
 * Checks the {@code @Durable} methods: each must be an {@code @Observes} observer method of a bean, observing in the
 * transaction phase {@code IN_PROGRESS}, of events that declare a {@code @Payload} (the outbox stores the payload as
 * JSON and decodes it into that type), and the only observer method of its class with its name, since the outbox
 * names a durable receiver {@code class#method}.
 */
final class DurableReceiverRules {

    private static final DotName OBSERVES = DotName.createSimple(Observes.class);
    private static final DotName OBSERVES_ASYNC = DotName.createSimple(ObservesAsync.class);

    private final Map<MethodKey, ObserverInfo> observers = new HashMap<>();
    /** the observer methods and the {@code @Durable} methods by {@code class#method}, each with its signature */
    private final Map<String, Map<MethodKey, String>> methodsByName = new HashMap<>();
    private final Set<String> namesReported = new HashSet<>();
    private final ReceivedEvents receivedEvents;
    private final Consumer<OutboxDeploymentException> problems;

    DurableReceiverRules(Collection<ObserverInfo> observers, Collection<MethodInfo> durableMethods,
            ReceivedEvents receivedEvents, Consumer<OutboxDeploymentException> problems) {
        this.receivedEvents = receivedEvents;
        this.problems = problems;
        for (ObserverInfo observer : observers) {
            MethodInfo method = observer.getObserverMethod();
            if (method != null) {
                this.observers.put(MethodKey.of(method), observer);
                addMethod(method);
            }
        }
        durableMethods.forEach(this::addMethod);
    }

    private void addMethod(MethodInfo method) {
        methodsByName.computeIfAbsent(DurableReceiverBuildItem.receiverName(method), name -> new HashMap<>())
                .put(MethodKey.of(method), MethodSignatures.of(method));
    }

    /**
     * Reports every rule the {@code @Durable} method breaks.
     *
     * @return whether it is a durable receiver that the outbox can record and deliver
     */
    boolean check(MethodInfo method) {
        ObserverInfo observer = observers.get(MethodKey.of(method));
        if (observer == null) {
            problems.accept(new DurableNotObserverException("@Durable stands on a method that is not an observer"
                    + " method: " + MethodSignatures.of(method) + " ["
                    + (observesAParameter(method) ? "its class is not a bean" : "no parameter is annotated @Observes")
                    + "]; put @Durable on an @Observes receiver of module events in a bean, such as"
                    + " void onAccount(@Observes @Named(UserEvents.ACCOUNT_CREATED) User user), or remove it"));
            return false;
        }
        boolean observesInProgress = checkObservesInProgress(observer, method);
        boolean payloadsDeclared = checkPayloadsDeclared(observer, method);
        return checkOnlyMethodOfItsName(method) && observesInProgress && payloadsDeclared;
    }

    private static boolean observesAParameter(MethodInfo method) {
        return method.hasAnnotation(OBSERVES) || method.hasAnnotation(OBSERVES_ASYNC);
    }

    private boolean checkObservesInProgress(ObserverInfo observer, MethodInfo method) {
        if (observer.isAsync()) {
            problems.accept(new DurableAsyncObserverException("@Durable receiver observes with @ObservesAsync: "
                    + MethodSignatures.of(method) + "; a durable receiver already runs after the commit, in a"
                    + " transaction of its own, apart from the sender: observe with @Observes instead, or remove"
                    + " @Durable"));
            return false;
        }
        if (observer.getTransactionPhase() != TransactionPhase.IN_PROGRESS) {
            problems.accept(new DurableTransactionPhaseException("@Durable receiver observes in a transaction phase: "
                    + MethodSignatures.of(method) + " [during = TransactionPhase." + observer.getTransactionPhase()
                    + "]; it already runs after the commit, in a transaction of its own: remove during = TransactionPhase."
                    + observer.getTransactionPhase() + " from its @Observes, or remove @Durable"));
            return false;
        }
        return true;
    }

    private boolean checkPayloadsDeclared(ObserverInfo observer, MethodInfo method) {
        List<DeclaredEvent> withoutPayload = receivedEvents.of(observer).stream()
                .filter(event -> event.payloadType() == null).toList();
        if (withoutPayload.isEmpty()) {
            return true;
        }
        problems.accept(new DurableWithoutPayloadException("@Durable receiver receives events that declare no"
                + " @Payload: " + MethodSignatures.of(method) + " [events: "
                + withoutPayload.stream().map(event -> event.name() + " (" + event.member() + ")")
                        .collect(Collectors.joining(", "))
                + "]; the outbox stores a durable receiver's payload as JSON and decodes it into the event's @Payload"
                + " type: declare @Payload on "
                + (withoutPayload.size() == 1 ? "that constant" : "those constants")
                + ", observe only events that declare one, or remove @Durable"));
        return false;
    }

    private boolean checkOnlyMethodOfItsName(MethodInfo method) {
        String name = DurableReceiverBuildItem.receiverName(method);
        Map<MethodKey, String> sameName = methodsByName.get(name);
        if (sameName.size() == 1) {
            return true;
        }
        if (namesReported.add(name)) {
            problems.accept(new DurableNameTakenException("@Durable receiver shares its name with another observer"
                    + " method of its class: " + name + " [methods: " + String.join(", ", new TreeSet<>(sameName.values()))
                    + "]; the outbox records a durable receiver as class#method, so give the durable receiver a name"
                    + " of its own"));
        }
        return false;
    }

    /**
     * A method as both the combined index and ArC's bean archive index know it: their {@code MethodInfo}s differ.
     */
    private record MethodKey(DotName declaringClass, String name, List<Type> parameterTypes) {

        static MethodKey of(MethodInfo method) {
            return new MethodKey(method.declaringClass().name(), method.name(), method.parameterTypes());
        }
    }
}
