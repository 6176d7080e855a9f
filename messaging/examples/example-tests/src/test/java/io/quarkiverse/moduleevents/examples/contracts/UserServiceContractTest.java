package io.quarkiverse.moduleevents.examples.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.EventContractException;
import io.quarkiverse.moduleevents.examples.contracts.user.Email;
import io.quarkiverse.moduleevents.examples.contracts.user.User;
import io.quarkiverse.moduleevents.examples.contracts.user.UserEvents;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The user service's build against the baseline it commits ({@code user-service/src/main/contract/catalog.json}),
 * after a developer renamed the field {@code email} of its {@code User} payload: the mail service already deployed
 * reads {@code email}, so the build fails, once for each event that carries a {@code User} on channel
 * {@code user-events}.
 */
class UserServiceContractTest {

    private static final Path BASELINE = Path.of("..", "user-service", "src", "main", "contract", "catalog.json")
            .toAbsolutePath().normalize();
    private static final String RENAMED = " goes out on channel user-events, read by consumers already deployed with the"
            + " baseline's schema: field `email` was renamed to `emailAddress` (rule: a field of an outgoing event may"
            + " not be renamed: consumers already deployed read the old name). If the break is intended, accept it by"
            + " replacing the baseline " + BASELINE + " with this build's ";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class))
            // the user service's channel, as its application.properties configures it, on an in-memory connector
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.user-events.events", "user:*:*")
            .overrideConfigKey("mp.messaging.outgoing.user-events.connector", "smallrye-in-memory")
            .overrideConfigKey("quarkus.module-events.contract.baseline", BASELINE.toString())
            .assertException(failure -> {
                List<String> messages = BuildProblems.of(failure).stream()
                        .filter(EventContractException.class::isInstance).map(Throwable::getMessage).sorted().toList();
                assertEquals(2, messages.size(), messages::toString);
                assertTrue(messages.get(0).startsWith("Event contract broken: `user:account:created`" + RENAMED),
                        messages.get(0));
                assertTrue(messages.get(1).startsWith("Event contract broken: `user:welcome:requested`" + RENAMED),
                        messages.get(1));
            });

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
