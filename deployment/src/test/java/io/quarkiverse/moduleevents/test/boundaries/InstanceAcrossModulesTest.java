package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.boundaries.mail.NewMail;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Creating an instance of another module's class crosses the module boundary.
 */
class InstanceAcrossModulesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.failsFor(NewMail.class,
            "method: io.quarkiverse.moduleevents.test.boundaries.mail.NewMail#directory, line 8, creates an instance");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
