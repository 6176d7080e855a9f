package io.quarkiverse.moduleevents.testsupport;

import java.nio.file.Path;

/**
 * A build output directory of its own for one test's Quarkus build, emptied when the build starts: what the test reads
 * there (the event catalog, for one) is what its own build wrote, not what another build left in {@code target/}.
 * A {@code QuarkusUnitTest} uses it with
 * {@code .addBootstrapCustomizer(bootstrap -> bootstrap.setTargetDirectory(BuildOutput.fresh(MyTest.class)))}.
 */
public final class BuildOutput {

    private BuildOutput() {
    }

    /** The directory of the test's build, {@code target/build-output/<test class>}. */
    public static Path of(Class<?> test) {
        return Path.of("target", "build-output", test.getSimpleName()).toAbsolutePath();
    }

    /** The directory of the test's build, deleted with what an earlier build wrote there. */
    public static Path fresh(Class<?> test) {
        Path directory = of(test);
        Directories.deleteRecursively(directory);
        return directory;
    }

    /** A file the extension writes into {@code module-events/} of the test's build output. */
    public static Path moduleEventsFile(Class<?> test, String name) {
        return of(test).resolve("module-events").resolve(name);
    }
}
