package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UnknownEventException;
import io.quarkiverse.moduleevents.test.usermodule.User;
import io.quarkiverse.moduleevents.test.usermodule.UserEvents;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class UnknownModuleObserverTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Audit.class))
            .assertException(BuildProblems.expect(UnknownEventException.class,
                    "Observer observes a module that no interface declares: 'users'",
                    "[method: io.quarkiverse.moduleevents.test.UnknownModuleObserverTest$Audit#audit(Object)]",
                    "did you mean 'user'?"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @ApplicationScoped
    static class Audit {
        void audit(@Observes @EventModule("users") Object payload) {
        }
    }
}
