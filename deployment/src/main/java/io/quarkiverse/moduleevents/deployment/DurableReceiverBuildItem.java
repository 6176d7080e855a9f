package io.quarkiverse.moduleevents.deployment;

import java.util.Objects;

import org.jboss.jandex.MethodInfo;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A receiver that a sibling extension (the outbox) records when its events are sent and delivers after the commit,
 * instead of the emitter notifying it during the send: a durable receiver. The catalog and the Dev UI mark it.
 */
public final class DurableReceiverBuildItem extends MultiBuildItem {

    private final MethodInfo method;

    /**
     * @param method the receiver's observer method
     */
    public DurableReceiverBuildItem(MethodInfo method) {
        this.method = Objects.requireNonNull(method);
    }

    /**
     * @return the receiver's observer method
     */
    public MethodInfo method() {
        return method;
    }

    /**
     * @return the receiver as {@code class#method}, the binary name of its class, as the runtime names receivers
     */
    public String receiver() {
        return receiverName(method);
    }

    /**
     * @return the method as {@code class#method}, the binary name of its class
     */
    public static String receiverName(MethodInfo method) {
        return method.declaringClass().name().toString() + "#" + method.name();
    }
}
