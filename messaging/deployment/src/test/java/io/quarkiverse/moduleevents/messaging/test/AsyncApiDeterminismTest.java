package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.messaging.deployment.ReorderedAsyncApi;
import io.quarkiverse.moduleevents.messaging.test.billing.BillingEvents;
import io.quarkiverse.moduleevents.testsupport.BuildOutput;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Two builds of one application write identical AsyncAPI documents, whatever order they find the bridged events and
 * the channels in: the {@code asyncapi.json} and {@code asyncapi.yaml} this build wrote are, byte for byte, what a
 * second writing makes of the same build items in reverse order ({@link ReorderedAsyncApi}). Two payload types share
 * a simple name, {@code User}, so that the name of the second, {@code User2}, depends on the order the document is
 * written in.
 */
class AsyncApiDeterminismTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .addBootstrapCustomizer(
                    bootstrap -> bootstrap.setTargetDirectory(BuildOutput.fresh(AsyncApiDeterminismTest.class)))
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class,
                    BillingEvents.class, io.quarkiverse.moduleevents.messaging.test.billing.User.class))
            .addBuildChainCustomizer(chain -> ReorderedAsyncApi.addTo(chain))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.user-out.events",
                    UserEvents.EMAIL_CREATED + "," + UserEvents.ACCOUNT_CREATED)
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.billing-out.events",
                    BillingEvents.INVOICE_SENT + "," + UserEvents.ACCOUNT_CREATED)
            .overrideConfigKey("quarkus.module-events.messaging.incoming.invoices-in.events", BillingEvents.INVOICE_SENT)
            .overrideConfigKey("quarkus.module-events.messaging.source", "user-service")
            .overrideConfigKey("mp.messaging.outgoing.user-out.connector", "smallrye-in-memory")
            .overrideConfigKey("mp.messaging.outgoing.billing-out.connector", "smallrye-in-memory")
            .overrideConfigKey("mp.messaging.incoming.invoices-in.connector", "smallrye-in-memory")
            .overrideConfigKey("quarkus.module-events.unused", "ignore")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void aWritingOfTheBuildItemsInReverseOrderIsByteForByteTheDocumentWritten() throws IOException {
        for (String file : new String[] { "asyncapi.json", "asyncapi.yaml" }) {
            String written = Files.readString(BuildOutput.moduleEventsFile(AsyncApiDeterminismTest.class, file));
            assertEquals(written, Files.readString(BuildOutput.of(AsyncApiDeterminismTest.class)
                    .resolve(ReorderedAsyncApi.DIRECTORY).resolve("module-events").resolve(file)), file);
        }
        String json = Files.readString(BuildOutput.moduleEventsFile(AsyncApiDeterminismTest.class, "asyncapi.json"));
        assertTrue(json.contains("\"User2\""), "two payload types named User");
    }
}
