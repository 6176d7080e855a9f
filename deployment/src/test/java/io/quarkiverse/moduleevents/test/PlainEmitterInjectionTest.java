package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.UnsatisfiedResolutionException;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class PlainEmitterInjectionTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, Signup.class))
            .assertException(BuildProblems.expect(UnsatisfiedResolutionException.class,
                    "Unsatisfied dependency for type io.quarkiverse.moduleevents.EventEmitter and qualifiers [@Default]",
                    "PlainEmitterInjectionTest$Signup#emitter"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    interface UserEvents extends EventEmitter {
        String ACCOUNT_CREATED = "user:account:created";
    }

    @ApplicationScoped
    static class Signup {
        @Inject
        EventEmitter emitter;
    }
}
