package io.quarkiverse.moduleevents.messaging.deployment;

import java.lang.reflect.Modifier;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkiverse.moduleevents.messaging.runtime.IncomingEventReceiver;
import io.quarkus.gizmo.ClassCreator;
import io.quarkus.gizmo.ClassOutput;
import io.quarkus.gizmo.FieldDescriptor;
import io.quarkus.gizmo.MethodCreator;
import io.quarkus.gizmo.MethodDescriptor;
import io.quarkus.runtime.util.HashUtil;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Generates, per incoming channel, the consumer that SmallRye Reactive Messaging wires to the channel:
 *
 * <pre>
 * &#64;Singleton
 * public class IncomingChannel_&lt;hash&gt; {
 *     private final IncomingEventReceiver receiver;
 *
 *     &#64;Inject
 *     public IncomingChannel_&lt;hash&gt;(IncomingEventReceiver receiver) { this.receiver = receiver; }
 *
 *     &#64;Incoming("user-in") &#64;Blocking
 *     public CompletionStage&lt;Void&gt; receive(Message&lt;?&gt; message) { return receiver.receive("user-in", message); }
 * }
 * </pre>
 *
 * {@code @Blocking} keeps the receivers, which may touch a database, off the event loop, and keeps the channel's
 * order.
 */
final class IncomingChannelGenerator {

    private static final String PACKAGE = IncomingEventReceiver.class.getPackageName();

    private IncomingChannelGenerator() {
    }

    static void generate(String channel, ClassOutput output) {
        String className = PACKAGE + ".IncomingChannel_" + HashUtil.sha1(channel);
        try (ClassCreator consumer = ClassCreator.builder().classOutput(output).className(className).build()) {
            consumer.addAnnotation(Singleton.class);
            FieldDescriptor receiver = consumer.getFieldCreator("receiver", IncomingEventReceiver.class)
                    .setModifiers(Modifier.PRIVATE | Modifier.FINAL).getFieldDescriptor();

            MethodCreator constructor = consumer.getMethodCreator(MethodDescriptor.INIT, void.class,
                    IncomingEventReceiver.class);
            constructor.setModifiers(Modifier.PUBLIC);
            constructor.addAnnotation(Inject.class);
            constructor.invokeSpecialMethod(MethodDescriptor.ofConstructor(Object.class), constructor.getThis());
            constructor.writeInstanceField(receiver, constructor.getThis(), constructor.getMethodParam(0));
            constructor.returnVoid();

            MethodCreator receive = consumer.getMethodCreator("receive", CompletionStage.class, Message.class);
            receive.setModifiers(Modifier.PUBLIC);
            receive.setSignature("(Lorg/eclipse/microprofile/reactive/messaging/Message<*>;)"
                    + "Ljava/util/concurrent/CompletionStage<Ljava/lang/Void;>;");
            receive.addAnnotation(Incoming.class).addValue("value", channel);
            receive.addAnnotation(Blocking.class);
            receive.returnValue(receive.invokeVirtualMethod(
                    MethodDescriptor.ofMethod(IncomingEventReceiver.class, "receive", CompletionStage.class,
                            String.class, Message.class),
                    receive.readInstanceField(receiver, receive.getThis()), receive.load(channel),
                    receive.getMethodParam(0)));
        }
    }
}
