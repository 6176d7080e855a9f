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

class UnknownEventObserverTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Mail.class))
            .assertException(BuildProblems.expect(UnknownEventException.class,
                    "Observer observes an event that no module declares: 'user:email:created'",
                    "[method: io.quarkiverse.moduleevents.test.UnknownEventObserverTest$Mail#onEmail(User)]",
                    "did you mean 'user:emails:created'?"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @ApplicationScoped
    static class Mail {
        void onEmail(@Observes @Named("user:email:created") User user) {
        }
    }
}
