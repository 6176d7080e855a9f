package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.ModuleBoundaryException;
import io.quarkiverse.moduleevents.test.boundaries.accounts.AccountStore;
import io.quarkiverse.moduleevents.test.boundaries.mail.StoreMail;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A package configured as one of a module's packages belongs to it: another module may no longer use its classes,
 * which were shared before (see {@link AllowedReferencesTest}).
 */
class ConfiguredPackagesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.application(StoreMail.class, AccountStore.class)
            .overrideConfigKey("quarkus.module-events.boundaries", "fail")
            .overrideConfigKey("quarkus.module-events.modules.\"user\".packages", AccountStore.class.getPackageName())
            .assertException(BuildProblems.expectMessages(ModuleBoundaryException.class,
                    BoundaryTests.crossing(StoreMail.class, AccountStore.class.getName(),
                            "method: " + StoreMail.class.getName() + "#account, line 8, calls AccountStore#find")));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
