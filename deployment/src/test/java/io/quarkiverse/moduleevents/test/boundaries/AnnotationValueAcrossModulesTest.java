package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.boundaries.mail.AnnotatedMail;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A class of another module named in an annotation value crosses the module boundary.
 */
class AnnotationValueAcrossModulesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.failsFor(AnnotatedMail.class,
            "class: io.quarkiverse.moduleevents.test.boundaries.mail.AnnotatedMail, class literal in an annotation value");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
