package io.quarkiverse.moduleevents.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the problems of a failed build: one problem is thrown as it is, several arrive as the suppressed exceptions of
 * ArC's "Found N deployment problems". For the {@code QuarkusUnitTest}s that assert a build fails.
 */
public final class BuildProblems {

    private BuildProblems() {
    }

    public static List<Throwable> of(Throwable failure) {
        List<Throwable> problems = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            problems.add(t);
            for (Throwable suppressed : t.getSuppressed()) {
                problems.add(suppressed);
            }
        }
        return problems;
    }

    /**
     * Asserts the build failed with exactly one problem of the given type, whose message contains every fragment.
     */
    public static Consumer<Throwable> expect(Class<? extends Throwable> type, String... fragments) {
        return failure -> {
            List<Throwable> matching = of(failure).stream().filter(type::isInstance).toList();
            if (matching.isEmpty()) {
                fail("No " + type.getSimpleName() + " in the build failure", failure);
            }
            assertEquals(1, matching.size(), () -> "Expected one " + type.getSimpleName() + ": " + matching);
            String message = matching.get(0).getMessage();
            for (String fragment : fragments) {
                assertTrue(message.contains(fragment), () -> "'" + fragment + "' not in: " + message);
            }
        };
    }
}
