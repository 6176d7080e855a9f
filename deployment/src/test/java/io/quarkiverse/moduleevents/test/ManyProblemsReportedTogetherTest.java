package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidDeclarationException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidEventNameException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UnknownEventException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UnreachableObserverException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A user fixes every problem in one go: the build reports all of them at once.
 */
class ManyProblemsReportedTogetherTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Mail.class))
            .assertException(failure -> {
                assertTrue(failure instanceof DeploymentException, () -> failure.toString());
                assertTrue(failure.getMessage().startsWith("Found 4 deployment problems"), failure.getMessage());
                List<Class<?>> rules = BuildProblems.of(failure).stream()
                        .filter(ModuleEventsDeploymentException.class::isInstance)
                        .<Class<?>> map(Object::getClass)
                        .sorted((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()))
                        .toList();
                assertEquals(List.of(InvalidDeclarationException.class, InvalidEventNameException.class,
                        UnknownEventException.class, UnreachableObserverException.class), rules);
                assertTrue(failure.getMessage().contains("'user:account--email:changed'"), failure.getMessage());
            });

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    interface UserEvents {
        @Payload(User.class)
        String ACCOUNT_CREATED = "user:account:created";
        String EMAIL_CHANGED = "user:account--email:changed";
        long LIMIT = 10L;
    }

    record User(String name) {
    }

    @ApplicationScoped
    static class Mail {
        void onAccount(@Observes @Named(UserEvents.ACCOUNT_CREATED) Integer id) {
        }

        void onDeleted(@Observes @Named("user:account:deleted") User user) {
        }
    }
}
