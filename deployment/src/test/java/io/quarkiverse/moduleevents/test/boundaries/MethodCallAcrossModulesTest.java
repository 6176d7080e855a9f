package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.boundaries.mail.CallingMail;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A call of a method of another module's class crosses the module boundary.
 */
class MethodCallAcrossModulesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.failsFor(CallingMail.class,
            "method: io.quarkiverse.moduleevents.test.boundaries.mail.CallingMail#users, line 8, calls UserDirectory#count");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
