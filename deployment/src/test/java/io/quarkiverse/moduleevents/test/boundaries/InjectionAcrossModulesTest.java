package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.boundaries.mail.InjectingMail;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Injecting a bean of another module crosses the module boundary.
 */
class InjectionAcrossModulesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.failsFor(InjectingMail.class,
            "field: io.quarkiverse.moduleevents.test.boundaries.mail.InjectingMail#directory, injection point of its type");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
