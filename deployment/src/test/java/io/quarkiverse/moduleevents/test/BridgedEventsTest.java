package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.deployment.EventChannelBuildItem;
import io.quarkiverse.moduleevents.testsupport.BuildOutput;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Events that a sibling extension carries over a broker channel: the catalog lists the channels, an event going out
 * counts as received and one coming in as sent, so neither is unused (the build would fail here otherwise).
 */
class BridgedEventsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .addBootstrapCustomizer(bootstrap -> bootstrap.setTargetDirectory(BuildOutput.fresh(BridgedEventsTest.class)))
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class))
            .overrideConfigKey("quarkus.module-events.unused", "fail")
            .addBuildChainCustomizer(chain -> chain.addBuildStep(new BridgeBothEvents())
                    .produces(EventChannelBuildItem.class).build());

    @Inject
    UserEvents users;

    @Test
    void anEventGoingOutHasReceiversAndOneComingInHasNone() {
        assertTrue(users.hasReceivers(UserEvents.ACCOUNT_CREATED));
        assertFalse(users.hasReceivers(UserEvents.ACCOUNT_DELETED));
    }

    @Test
    void theCatalogListsTheChannels() throws IOException {
        JsonNode events = new ObjectMapper()
                .readTree(BuildOutput.moduleEventsFile(BridgedEventsTest.class, "catalog.json").toFile())
                .get("modules").get(0).get("events");
        assertEquals("user:account:created", events.get(0).get("name").asText());
        assertEquals("[\"user-out\"]", events.get(0).get("outgoing").toString());
        assertEquals("[]", events.get(0).get("incoming").toString());
        assertEquals("user:account:deleted", events.get(1).get("name").asText());
        assertEquals("[]", events.get(1).get("outgoing").toString());
        assertEquals("[\"user-in\"]", events.get(1).get("incoming").toString());
        String page = Files.readString(BuildOutput.moduleEventsFile(BridgedEventsTest.class, "catalog.md"));
        assertTrue(page.contains("e1 --> c2[/\"channel user-out\"/]"), page);
        assertTrue(page.contains("c4[/\"channel user-in\"/] --> e3"), page);
        assertTrue(page.contains("| none | channel `user-out` |"), page);
        assertTrue(page.contains("| channel `user-in` | none |"), page);
        assertTrue(page.contains("as AsyncAPI 3.0.0: [asyncapi.yaml](asyncapi.yaml), beside this page."), page);
    }

    /**
     * In a class of its own, not a lambda of the test: it is loaded with the build's classes.
     */
    static final class BridgeBothEvents implements BuildStep {
        @Override
        public void execute(BuildContext context) {
            context.produce(new EventChannelBuildItem(UserEvents.ACCOUNT_CREATED, "user-out", true));
            context.produce(new EventChannelBuildItem(UserEvents.ACCOUNT_DELETED, "user-in", false));
        }
    }

    @EventModule("user")
    public interface UserEvents extends EventEmitter {
        @Payload(User.class)
        String ACCOUNT_CREATED = "user:account:created";
        @Payload(User.class)
        String ACCOUNT_DELETED = "user:account:deleted";
    }

    public record User(String name) {
    }
}
