package io.quarkiverse.moduleevents.messaging.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test field of type {@link io.quarkiverse.moduleevents.testsupport.ArtemisBroker} that {@link ArtemisTestResource}
 * fills with the running broker,
 * so a test can stop and restart it.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface InjectArtemis {
}
