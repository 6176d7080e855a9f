package io.quarkiverse.moduleevents.test.contracts;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.EventContractException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A baseline that cannot be read fails the build, naming the file and what to give instead.
 */
class UnreadableContractBaselineTest {

    static final Path BASELINE = Path.of("target", "contract-baselines", "missing.json").toAbsolutePath();

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.against(BASELINE)
            .assertException(BuildProblems.expect(EventContractException.class,
                    "Cannot read the contract baseline " + BASELINE + " (quarkus.module-events.contract.baseline): ",
                    "Give the catalog.json that the build of the release already deployed wrote"
                            + " (target/module-events/catalog.json), relative to the module's directory."));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
