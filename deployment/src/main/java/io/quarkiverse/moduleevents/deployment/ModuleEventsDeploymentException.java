package io.quarkiverse.moduleevents.deployment;

import jakarta.enterprise.inject.spi.DeploymentException;

/**
 * A mistake in the declaration or reception of module events that fails the build. Each subclass is one rule, so that
 * tests and tools can tell them apart; the message names the rule, the member and the fix.
 */
public abstract class ModuleEventsDeploymentException extends DeploymentException {

    private static final long serialVersionUID = 1L;

    ModuleEventsDeploymentException(String message) {
        super(message);
    }

    /**
     * Rule 1: an event name breaks the name pattern, or its first segment is not the module's name.
     */
    public static final class InvalidEventNameException extends ModuleEventsDeploymentException {
        private static final long serialVersionUID = 1L;

        InvalidEventNameException(String message) {
            super(message);
        }
    }

    /**
     * Rule 2: an event name, or a module name, is declared twice.
     */
    public static final class DuplicateDeclarationException extends ModuleEventsDeploymentException {
        private static final long serialVersionUID = 1L;

        DuplicateDeclarationException(String message) {
            super(message);
        }
    }

    /**
     * Rule 3: a module interface holds something other than {@code String} constants, or {@code @Payload} stands
     * elsewhere than on such a constant.
     */
    public static final class InvalidDeclarationException extends ModuleEventsDeploymentException {
        private static final long serialVersionUID = 1L;

        InvalidDeclarationException(String message) {
            super(message);
        }
    }

    /**
     * Rule 4: an observer observes an event name or a module that nothing declares.
     */
    public static final class UnknownEventException extends ModuleEventsDeploymentException {
        private static final long serialVersionUID = 1L;

        UnknownEventException(String message) {
            super(message);
        }
    }

    /**
     * Rule 5: an observer can never be called, because its observed type can never receive the event's payload.
     */
    public static final class UnreachableObserverException extends ModuleEventsDeploymentException {
        private static final long serialVersionUID = 1L;

        UnreachableObserverException(String message) {
            super(message);
        }
    }

    /**
     * A call of an emitter passes a constant name that the emitter's module does not declare.
     */
    public static final class UndeclaredEventSentException extends ModuleEventsDeploymentException {
        private static final long serialVersionUID = 1L;

        UndeclaredEventSentException(String message) {
            super(message);
        }
    }

    /**
     * A call of an emitter passes a payload whose static type can never be an instance of the event's {@code @Payload}
     * type.
     */
    public static final class IncompatiblePayloadSentException extends ModuleEventsDeploymentException {
        private static final long serialVersionUID = 1L;

        IncompatiblePayloadSentException(String message) {
            super(message);
        }
    }

    /**
     * With {@code quarkus.module-events.unused=fail}: receivers that never run, because every call that sends their
     * events sends them the other way (synchronously to an asynchronous receiver, or the reverse).
     */
    public static final class ReceiverNeverRunsException extends ModuleEventsDeploymentException {
        private static final long serialVersionUID = 1L;

        ReceiverNeverRunsException(String message) {
            super(message);
        }
    }

    /**
     * With {@code quarkus.module-events.unused=fail}: declared events that nothing sends and nothing receives.
     */
    public static final class UnusedEventsException extends ModuleEventsDeploymentException {
        private static final long serialVersionUID = 1L;

        UnusedEventsException(String message) {
            super(message);
        }
    }

    /**
     * A class of one module uses a type of another module that the other module does not publish: anything but its
     * {@code @EventModule} interface and the payload types of its events, and the types those payloads expose.
     */
    public static final class ModuleBoundaryException extends ModuleEventsDeploymentException {
        private static final long serialVersionUID = 1L;

        ModuleBoundaryException(String message) {
            super(message);
        }
    }

    /**
     * With {@code quarkus.module-events.contract.baseline}: a change to an event carried over a broker channel that
     * breaks a service already deployed, or a baseline that cannot be read.
     */
    public static final class EventContractException extends ModuleEventsDeploymentException {
        private static final long serialVersionUID = 1L;

        EventContractException(String message) {
            super(message);
        }
    }
}
