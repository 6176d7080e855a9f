package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.boundaries.mail.SignatureMail;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A type of another module in a method's signature crosses the module boundary, even where the method never uses it.
 */
class SignatureAcrossModulesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.failsFor(SignatureMail.class,
            "method: io.quarkiverse.moduleevents.test.boundaries.mail.SignatureMail#describe, names it in its signature");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
