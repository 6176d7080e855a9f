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

class UnreachableObserverTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Mail.class, Greeting.class))
            .assertException(BuildProblems.expect(UnreachableObserverException.class,
                    "Observer's observed type can never receive the payload of 'user:account:created'",
                    "it observes java.lang.String, but the event carries io.quarkiverse.moduleevents.test.usermodule.User",
                    "[method: io.quarkiverse.moduleevents.test.UnreachableObserverTest$Mail#onAccount(String)",
                    "@Payload on io.quarkiverse.moduleevents.test.usermodule.UserEvents#ACCOUNT_CREATED",
                    "observe io.quarkiverse.moduleevents.test.usermodule.User or one of its supertypes"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    interface Greeting {
    }

    @ApplicationScoped
    static class Mail {
        void onAccount(@Observes @Named(UserEvents.ACCOUNT_CREATED) String user) {
        }

        // a final record can never implement Greeting, but Object, Record and a same-type observer are fine
        void onAccountAsRecord(@Observes @Named(UserEvents.ACCOUNT_CREATED) Record user) {
        }

        void onEmail(@Observes @Named(UserEvents.EMAIL_CREATED) User user) {
        }
    }
}
