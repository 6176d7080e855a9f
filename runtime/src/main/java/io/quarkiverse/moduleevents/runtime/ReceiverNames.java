package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;

import io.quarkiverse.moduleevents.ReceiverFailure;

/**
 * Names the receivers of one event name, for the dev and test tooling ({@code SentEvents}, the Dev UI): each method
 * resolves the observers again, which production sends never do.
 */
final class ReceiverNames {

    private final BeanManager beanManager;
    private final Annotation[] qualifiers;

    ReceiverNames(BeanManager beanManager, Annotation[] qualifiers) {
        this.beanManager = beanManager;
        this.qualifiers = qualifiers;
    }

    /**
     * @return the receivers of the event, synchronous or asynchronous ones, in the order they run
     */
    List<String> receiverNames(Object payload, boolean async) {
        List<String> receivers = new ArrayList<>();
        for (ObserverMethod<? super Object> observer : beanManager.resolveObserverMethods(payload, qualifiers)) {
            if (observer.isAsync() == async) {
                receivers.add(of(observer));
            }
        }
        return receivers;
    }

    /**
     * Names the receiver that threw an error out of {@code send}, by finding its method in the error's stack trace.
     */
    ReceiverFailure failureOf(Object payload, Throwable error) {
        Set<String> receivers = new HashSet<>(receiverNames(payload, false));
        receivers.addAll(receiverNames(payload, true));
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                String method = frame.getClassName() + "#" + frame.getMethodName();
                if (receivers.contains(method)) {
                    return new ReceiverFailure(method, error);
                }
            }
        }
        return new ReceiverFailure("unknown receiver", error);
    }

    /**
     * @param failure how an asynchronous delivery completed: ArC's {@code CompletionException} carries each
     *        receiver's exception as suppressed
     */
    List<ReceiverFailure> failuresOf(Object payload, Throwable failure) {
        Throwable[] suppressed = failure.getSuppressed();
        if (suppressed.length == 0) {
            return List.of(failureOf(payload, failure.getCause() != null ? failure.getCause() : failure));
        }
        List<ReceiverFailure> failures = new ArrayList<>();
        for (Throwable error : suppressed) {
            failures.add(failureOf(payload, error));
        }
        return failures;
    }

    /**
     * ArC's observers describe themselves as {@code Observer [method=com.acme.Mail#onEmail(com.acme.Email)]}; the
     * CDI API has no other way to name an observer's method.
     */
    static String of(ObserverMethod<?> observer) {
        String description = observer.toString();
        int start = description.indexOf("method=");
        int end = description.indexOf('(', start);
        if (start >= 0 && end > start) {
            return description.substring(start + "method=".length(), end);
        }
        return observer.getBeanClass().getName() + "#" + description;
    }
}
