package io.quarkiverse.moduleevents.messaging.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test field of type {@link io.quarkiverse.moduleevents.testsupport.KafkaServer} that
 * {@link KafkaTestResource} fills with the running broker.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface InjectKafkaBroker {
}
