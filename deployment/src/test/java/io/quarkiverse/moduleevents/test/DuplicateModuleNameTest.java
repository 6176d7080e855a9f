package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.DuplicateDeclarationException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class DuplicateModuleNameTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, AccountEvents.class))
            .assertException(BuildProblems.expect(DuplicateDeclarationException.class,
                    "Module name is declared by two interfaces: 'user'",
                    "DuplicateModuleNameTest$AccountEvents", "DuplicateModuleNameTest$UserEvents",
                    "declare each module's events in one interface"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    interface UserEvents {
        String ACCOUNT_CREATED = "user:account:created";
    }

    @EventModule("user")
    interface AccountEvents {
        String ACCOUNT_DELETED = "user:account:deleted";
    }
}
