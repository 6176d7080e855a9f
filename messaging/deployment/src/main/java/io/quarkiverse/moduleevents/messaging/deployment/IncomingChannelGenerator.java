package io.quarkiverse.moduleevents.messaging.deployment;

import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkiverse.moduleevents.messaging.runtime.IncomingEventReceiver;
import io.quarkus.gizmo2.Const;
import io.quarkus.gizmo2.GenericType;
import io.quarkus.gizmo2.Gizmo;
import io.quarkus.gizmo2.ParamVar;
import io.quarkus.gizmo2.TypeArgument;
import io.quarkus.gizmo2.desc.ConstructorDesc;
import io.quarkus.gizmo2.desc.FieldDesc;
import io.quarkus.gizmo2.desc.MethodDesc;
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

    static void generate(String channel, Gizmo gizmo) {
        gizmo.class_(PACKAGE + ".IncomingChannel_" + HashUtil.sha1(channel), consumer -> {
            consumer.public_();
            consumer.addAnnotation(Singleton.class);
            FieldDesc receiver = consumer.field("receiver", field -> {
                field.private_();
                field.final_();
                field.setType(IncomingEventReceiver.class);
            });

            consumer.constructor(constructor -> {
                constructor.public_();
                constructor.addAnnotation(Inject.class);
                ParamVar receiverParameter = constructor.parameter("receiver", IncomingEventReceiver.class);
                constructor.body(body -> {
                    body.invokeSpecial(ConstructorDesc.of(Object.class), consumer.this_());
                    body.set(consumer.this_().field(receiver), receiverParameter);
                    body.return_();
                });
            });

            consumer.method("receive", receive -> {
                receive.public_();
                receive.returning(GenericType.ofClass(CompletionStage.class, TypeArgument.of(Void.class)));
                ParamVar message = receive.parameter("message",
                        GenericType.ofClass(Message.class, TypeArgument.ofUnbounded()));
                receive.addAnnotation(Incoming.class, annotation -> annotation.add("value", channel));
                receive.addAnnotation(Blocking.class);
                receive.body(body -> body.return_(body.invokeVirtual(
                        MethodDesc.of(IncomingEventReceiver.class, "receive", CompletionStage.class, String.class,
                                Message.class),
                        consumer.this_().field(receiver), Const.of(channel), message)));
            });
        });
    }
}
