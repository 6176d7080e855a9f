package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UnreachableObserverException;
import io.quarkiverse.moduleevents.test.usermodule.User;
import io.quarkiverse.moduleevents.test.usermodule.UserEvents;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class ObserverOfWrongModuleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, MailEvents.class, Mail.class))
            .assertException(BuildProblems.expect(UnreachableObserverException.class,
                    "Observer can never be called: it observes 'user:account:created' of module 'mail', but that event belongs to module 'user'",
                    "ObserverOfWrongModuleTest$Mail#onAccount(User)",
                    "remove @EventModule(\"mail\") from the observed parameter"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("mail")
    interface MailEvents {
        String SENT = "mail:message:sent";
    }

    @ApplicationScoped
    static class Mail {
        void onAccount(@Observes @EventModule("mail") @Named(UserEvents.ACCOUNT_CREATED) User user) {
        }
    }
}
