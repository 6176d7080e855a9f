package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.boundaries.mail.ClassLiteralMail;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A class literal of another module's class crosses the module boundary.
 */
class ClassLiteralAcrossModulesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.failsFor(ClassLiteralMail.class,
            "method: io.quarkiverse.moduleevents.test.boundaries.mail.ClassLiteralMail#directoryName, line 8, class literal");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
