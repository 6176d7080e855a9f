package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UnreachableObserverException;
import io.quarkiverse.moduleevents.test.usermodule.User;
import io.quarkiverse.moduleevents.test.usermodule.UserEvents;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class ModuleObserverUnreachableTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Audit.class))
            .assertException(BuildProblems.expect(UnreachableObserverException.class,
                    "Observer's observed type can never receive a payload of module 'user'",
                    "it observes java.lang.Integer",
                    "ModuleObserverUnreachableTest$Audit#audit(Integer)",
                    "observe Object, or a supertype of the payloads it should receive"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @ApplicationScoped
    static class Audit {
        void audit(@Observes @EventModule("user") Integer payload) {
        }

        void everything(@Observes @EventModule("user") Object payload) {
        }
    }
}
