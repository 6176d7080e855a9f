package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidEventNameException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A package that names its module with more than one name segment fails the build, naming the package.
 */
class InvalidPackageModuleNameTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(packageInfo()))
            .assertException(BuildProblems.expect(InvalidEventNameException.class,
                    "Module name is not a single name segment: 'billing:invoices' [package:"
                            + " io.quarkiverse.moduleevents.test.badpackage]; name the module with one segment",
                    "@EventModule(\"audit\")"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    private static Class<?> packageInfo() {
        try {
            return Class.forName("io.quarkiverse.moduleevents.test.badpackage.package-info");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
