package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException;

/**
 * Finds the outbox's problems in a failed build and checks their messages.
 */
final class BuildErrors {

    private BuildErrors() {
    }

    static Consumer<Throwable> expect(Class<? extends OutboxDeploymentException> rule, String... fragments) {
        return failure -> {
            List<Throwable> found = new ArrayList<>();
            collect(failure, found);
            Throwable problem = found.stream().filter(rule::isInstance).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + rule.getSimpleName() + " in " + failure, failure));
            for (String fragment : fragments) {
                assertTrue(problem.getMessage().contains(fragment),
                        () -> "'" + fragment + "' not in: " + problem.getMessage());
            }
        };
    }

    private static void collect(Throwable failure, List<Throwable> found) {
        if (failure == null || found.contains(failure)) {
            return;
        }
        found.add(failure);
        collect(failure.getCause(), found);
        for (Throwable suppressed : failure.getSuppressed()) {
            collect(suppressed, found);
        }
    }
}
