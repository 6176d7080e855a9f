package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.boundaries.mail.FieldMail;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Reading a field of another module's class crosses the module boundary.
 */
class FieldAccessAcrossModulesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.failsFor(FieldMail.class,
            "method: io.quarkiverse.moduleevents.test.boundaries.mail.FieldMail#users, line 8, reads UserDirectory#lookups");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
