package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.ReceiverNeverRunsException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code unused=fail}, an asynchronous receiver of an event only sent synchronously, and a synchronous receiver of
 * an event only sent asynchronously, fail the build; receivers that some call reaches do not.
 */
class ReceiverNeverRunsTest {

    private static final String TEST = ReceiverNeverRunsTest.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, Signup.class, Mail.class))
            .overrideConfigKey("quarkus.module-events.unused", "fail")
            .assertException(BuildProblems.expect(ReceiverNeverRunsException.class,
                    "Receivers that never run, because every call that sends their events sends them the other way: "
                            + TEST + "$Mail#onCreatedAsync (@ObservesAsync) of 'user:account:created', sent only with"
                            + " send; " + TEST + "$Mail#onVerified (@Observes) of 'user:email:verified', sent only"
                            + " with sendAsync. An @ObservesAsync receiver gets only what sendAsync sends"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    public interface UserEvents extends EventEmitter {
        String ACCOUNT_CREATED = "user:account:created";
        String EMAIL_VERIFIED = "user:email:verified";
        String ACCOUNT_CLOSED = "user:account:closed";
    }

    @ApplicationScoped
    public static class Signup {

        @Inject
        UserEvents users;

        void register() {
            users.send(UserEvents.ACCOUNT_CREATED, "ada");
            users.sendAsync(UserEvents.EMAIL_VERIFIED, "ada@example.com");
            users.send(UserEvents.ACCOUNT_CLOSED, "ada");
            users.sendAsync(UserEvents.ACCOUNT_CLOSED, "ada");
        }
    }

    @ApplicationScoped
    public static class Mail {

        void onCreated(@Observes @Named(UserEvents.ACCOUNT_CREATED) String name) {
        }

        void onCreatedAsync(@ObservesAsync @Named(UserEvents.ACCOUNT_CREATED) String name) {
        }

        void onVerified(@Observes @Named(UserEvents.EMAIL_VERIFIED) String address) {
        }

        void onClosed(@Observes @Named(UserEvents.ACCOUNT_CLOSED) String name) {
        }

        void onClosedAsync(@ObservesAsync @Named(UserEvents.ACCOUNT_CLOSED) String name) {
        }

        void onAnyUserEventAsync(@ObservesAsync @EventModule("user") Object payload) {
        }
    }
}
