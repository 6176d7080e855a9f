package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UnreachableObserverException;
import io.quarkiverse.moduleevents.test.usermodule.User;
import io.quarkiverse.moduleevents.test.usermodule.UserEvents;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class PatternReceiverUnreachableTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Mail.class))
            .assertException(BuildProblems.expect(UnreachableObserverException.class,
                    "Observer can never be called: no event that its pattern 'user:*:created' matches can reach it",
                    "PatternReceiverUnreachableTest$Mail#onCreated(String)", "observed type: java.lang.String",
                    "user:account:created (io.quarkiverse.moduleevents.test.usermodule.User)"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @ApplicationScoped
    static class Mail {
        void onCreated(@Observes @Named("user:*:created") String user) {
        }
    }
}
