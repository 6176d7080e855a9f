package io.quarkiverse.moduleevents.messaging;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the member of a payload type whose value identifies what the event is about, such as a user's id.
 * <p>
 * It may stand on a record component, a getter or a field. When an event whose {@code @Payload} type (or one of its
 * superclasses) has such a member goes out on a channel, the member's value becomes the CloudEvents {@code subject}
 * and, on a Kafka channel, the record key, so that every event about the same subject lands in the same partition and
 * keeps its order. The value is read from the payload's JSON form, so it must serialise to a string, a number or a
 * boolean; a {@code null} value sends the event without a subject.
 *
 * <pre>
 * public record User(&#64;EventSubject String id, String name) {
 * }
 * </pre>
 * <p>
 * The build fails when a payload type has more than one {@code @EventSubject} member.
 */
@Documented
@Retention(RUNTIME)
@Target({ METHOD, FIELD })
public @interface EventSubject {
}
