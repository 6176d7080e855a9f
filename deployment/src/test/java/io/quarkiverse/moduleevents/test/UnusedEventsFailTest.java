package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UnusedEventsException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class UnusedEventsFailTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, Mail.class))
            .overrideConfigKey("quarkus.module-events.unused", "fail")
            .assertException(BuildProblems.expect(UnusedEventsException.class,
                    "Events that nothing sends and nothing receives: user:account:deleted, user:phones:created;"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    interface UserEvents {
        String ACCOUNT_CREATED = "user:account:created";
        String ACCOUNT_DELETED = "user:account:deleted";
        String PHONE_CREATED = "user:phones:created";
    }

    @ApplicationScoped
    static class Mail {
        void onCreated(@Observes @Named(UserEvents.ACCOUNT_CREATED) String user) {
        }
    }
}
