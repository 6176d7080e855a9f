package io.quarkiverse.moduleevents.runtime;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * When the emitter activates the request context around the receivers it notifies, following ArC's {@code Event}:
 * <ul>
 * <li>receivers notified at once ({@code send}, {@code sendRobust}, and {@code sendAsync} on the thread that runs
 * them) get it activated when it is not active, unless ArC runs in strict mode, where only CDI's own rules activate
 * it;</li>
 * <li>receivers deferred to a transaction phase get it activated when it is not active, strict mode or not, each
 * receiver its own.</li>
 * </ul>
 * The caller terminates the context it was given only when {@link #activateIfInactive(ManagedContext)} returned
 * {@code true}.
 */
final class RequestContextActivation {

    private RequestContextActivation() {
    }

    /**
     * @return the request context to activate around receivers notified at once; {@code null} in strict mode
     */
    static ManagedContext forImmediateDelivery() {
        return Arc.container().strictCompatibility() ? null : Arc.container().requestContext();
    }

    /**
     * @return the request context to activate around a receiver deferred to a transaction phase
     */
    static ManagedContext forDeferredDelivery() {
        return Arc.container().requestContext();
    }

    /**
     * @param requestContext {@code null} when it must not be activated
     * @return whether it was activated here, and so must be terminated by the caller
     */
    static boolean activateIfInactive(ManagedContext requestContext) {
        if (requestContext == null || requestContext.isActive()) {
            return false;
        }
        requestContext.activate();
        return true;
    }
}
