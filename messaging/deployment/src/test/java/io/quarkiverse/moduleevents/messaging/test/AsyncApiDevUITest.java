package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.devui.tests.DevUIBuildTimeDataTest;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The Dev UI card of the messaging bridge shows the AsyncAPI document of its channels.
 */
class AsyncApiDevUITest extends DevUIBuildTimeDataTest {

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class)
                    .addAsResource(new StringAsset("""
                            quarkus.module-events.messaging.outgoing.user-out.events=user:account:created
                            quarkus.module-events.messaging.source=user-service
                            mp.messaging.outgoing.user-out.connector=smallrye-in-memory
                            quarkus.module-events.unused=ignore
                            """), "application.properties"));

    AsyncApiDevUITest() {
        super("quarkus-module-events-messaging");
    }

    @Test
    void theAsyncApiPageGetsTheDocument() throws Exception {
        JsonNode asyncApi = getBuildTimeData("asyncapi");

        assertEquals("3.0.0", asyncApi.get("asyncapi").asText());
        assertEquals("user-out", asyncApi.at("/channels/user-out.out/address").asText());
        assertEquals("user:account:created", asyncApi.at("/components/messages/user.account.created/name").asText());
    }
}
