package io.quarkiverse.moduleevents.deployment;

import java.util.List;

import jakarta.enterprise.inject.spi.DeploymentException;

/**
 * Every problem that the module-events extensions found in one build, reported as one exception: its message is the
 * problem's message when there is one, else {@code Found N deployment problems:} followed by one numbered line per
 * problem; each problem, with its own type, is attached as a suppressed exception.
 * <p>
 * ArC rethrows a single {@link DeploymentException} as it is, so this exception is the root cause of the failed build,
 * and dev mode's error page shows the problems as its headline (see the runtime's
 * {@code ModuleEventsErrorPageSetup}, which registers the page for this class name).
 */
public final class ModuleEventsProblemsException extends DeploymentException {

    private static final long serialVersionUID = 1L;

    private ModuleEventsProblemsException(String message) {
        super(message);
    }

    static ModuleEventsProblemsException of(List<? extends Throwable> problems) {
        ModuleEventsProblemsException exception = new ModuleEventsProblemsException(message(problems));
        problems.forEach(exception::addSuppressed);
        return exception;
    }

    private static String message(List<? extends Throwable> problems) {
        if (problems.size() == 1) {
            return problems.get(0).getMessage();
        }
        // the wording of ArC's own summary, so that it reads the same as a build failure without this extension
        StringBuilder message = new StringBuilder("Found " + problems.size() + " deployment problems:");
        for (int i = 0; i < problems.size(); i++) {
            message.append('\n').append('[').append(i + 1).append("] ").append(problems.get(i).getMessage());
        }
        return message.toString();
    }
}
