package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.boundaries.mail.ConstantMail;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Reading a constant of another module that is not a compile-time constant (javac copies those, leaving no reference) crosses
 * the module boundary.
 */
class ConstantAcrossModulesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.failsFor(ConstantMail.class,
            "method: io.quarkiverse.moduleevents.test.boundaries.mail.ConstantMail#admins, line 10, reads UserDirectory#ADMINS");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
