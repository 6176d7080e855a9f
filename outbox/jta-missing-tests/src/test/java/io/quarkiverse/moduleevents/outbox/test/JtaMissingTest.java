package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * This module's dependencies exclude quarkus-narayana-jta and its deployment artifact, as an application that
 * excludes the transaction manager does. Its build fails before any build step runs: Quarkus cannot load the build
 * steps of quarkus-agroal, which the outbox needs, because one of them consumes a build item of
 * quarkus-narayana-jta-deployment. So the outbox's own check, {@code JtaMissingException}, is not reached with this
 * version of Quarkus. Should a later version build quarkus-agroal without a transaction manager, this test fails:
 * it should then expect {@code JtaMissingException} and its message.
 */
class JtaMissingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:no-jta")
            .assertException(failure -> {
                ClassNotFoundException missing = assertInstanceOf(ClassNotFoundException.class, failure);
                assertTrue(missing.getMessage().startsWith("io.quarkus.narayana.jta.deployment."),
                        missing::getMessage);
                assertTrue(Arrays.stream(missing.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().equals("io.quarkus.deployment.ExtensionLoader")),
                        "not thrown while Quarkus loads the build steps");
            });

    @Test
    void failsTheBuildBeforeAnyBuildStep() {
        fail("the build should have failed");
    }
}
