package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Packages configured for a module that nothing declares fail the build, rather than silently checking nothing.
 */
class UnknownConfiguredModuleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.application()
            .overrideConfigKey("quarkus.module-events.modules.\"users\".packages", "com.acme.users")
            .assertException(failure -> assertTrue(BuildProblems.of(failure).stream()
                    .anyMatch(problem -> problem instanceof ConfigurationException && problem.getMessage().equals(
                            "quarkus.module-events.modules.\"users\".packages names a module that no @EventModule"
                                    + " interface or package declares; declared modules: [mail, user]")),
                    () -> "no ConfigurationException naming module 'users' in " + BuildProblems.of(failure)));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
