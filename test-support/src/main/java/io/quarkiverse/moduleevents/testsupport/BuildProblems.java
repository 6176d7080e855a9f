package io.quarkiverse.moduleevents.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the problems of a failed build: module events reports its problems as the suppressed exceptions of one
 * {@code ModuleEventsProblemsException}, which ArC throws as it is, or among the suppressed exceptions of its own
 * "Found N deployment problems" when ArC or another extension found problems too. For the {@code QuarkusUnitTest}s that
 * assert a build fails.
 */
public final class BuildProblems {

    private BuildProblems() {
    }

    /**
     * @return the failure, its causes and their suppressed exceptions, at any depth
     */
    public static List<Throwable> of(Throwable failure) {
        List<Throwable> problems = new ArrayList<>();
        collect(failure, problems);
        return problems;
    }

    private static void collect(Throwable failure, List<Throwable> problems) {
        for (Throwable t = failure; t != null && !problems.contains(t); t = t.getCause()) {
            problems.add(t);
            for (Throwable suppressed : t.getSuppressed()) {
                collect(suppressed, problems);
            }
        }
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

    /**
     * Asserts the build failed with problems of the given type whose messages are exactly these, in any order.
     */
    public static Consumer<Throwable> expectMessages(Class<? extends Throwable> type, String... messages) {
        return failure -> assertEquals(Stream.of(messages).sorted().toList(),
                of(failure).stream().filter(type::isInstance).map(Throwable::getMessage).sorted().toList());
    }
}
