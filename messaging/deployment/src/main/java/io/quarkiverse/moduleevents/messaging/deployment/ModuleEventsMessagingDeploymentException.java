package io.quarkiverse.moduleevents.messaging.deployment;

import jakarta.enterprise.inject.spi.DeploymentException;

/**
 * A mistake in the configuration of the messaging bridge that fails the build. Each subclass is one rule; the message
 * names the configuration key, the member and the fix.
 */
public abstract class ModuleEventsMessagingDeploymentException extends DeploymentException {

    private static final long serialVersionUID = 1L;

    ModuleEventsMessagingDeploymentException(String message) {
        super(message);
    }

    /**
     * A selected event name or pattern matches no declared event.
     */
    public static final class UnknownBridgedEventException extends ModuleEventsMessagingDeploymentException {
        private static final long serialVersionUID = 1L;

        UnknownBridgedEventException(String message) {
            super(message);
        }
    }

    /**
     * A selected event declares no {@code @Payload}, so the bridge cannot know what to decode its data into.
     */
    public static final class BridgedEventWithoutPayloadException extends ModuleEventsMessagingDeploymentException {
        private static final long serialVersionUID = 1L;

        BridgedEventWithoutPayloadException(String message) {
            super(message);
        }
    }

    /**
     * An outgoing bridged channel is configured for structured CloudEvents; the bridge sends binary mode only.
     */
    public static final class StructuredCloudEventsException extends ModuleEventsMessagingDeploymentException {
        private static final long serialVersionUID = 1L;

        StructuredCloudEventsException(String message) {
            super(message);
        }
    }

    /**
     * A payload type has more than one {@code @EventSubject} member.
     */
    public static final class AmbiguousEventSubjectException extends ModuleEventsMessagingDeploymentException {
        private static final long serialVersionUID = 1L;

        AmbiguousEventSubjectException(String message) {
            super(message);
        }
    }
}
