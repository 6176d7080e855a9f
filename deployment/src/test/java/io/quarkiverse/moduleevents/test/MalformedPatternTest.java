package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UnknownEventException;
import io.quarkiverse.moduleevents.test.usermodule.User;
import io.quarkiverse.moduleevents.test.usermodule.UserEvents;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class MalformedPatternTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Mail.class))
            .assertException(BuildProblems.expect(UnknownEventException.class,
                    "Observer observes a malformed pattern: 'user:acc*:created'",
                    "MalformedPatternTest$Mail#onCreated(User)",
                    "* stands for exactly one whole segment"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @ApplicationScoped
    static class Mail {
        void onCreated(@Observes @Named("user:acc*:created") User user) {
        }
    }
}
