package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.EventChannelBuildItem;
import io.quarkiverse.moduleevents.deployment.ReorderedCatalog;
import io.quarkiverse.moduleevents.test.catalog.accounting.Invoices;
import io.quarkiverse.moduleevents.test.catalog.audit.Audit;
import io.quarkiverse.moduleevents.test.catalog.mail.MailEvents;
import io.quarkiverse.moduleevents.test.catalog.mail.Newsletter;
import io.quarkiverse.moduleevents.test.catalog.mail.ReminderMail;
import io.quarkiverse.moduleevents.test.catalog.mail.WelcomeMail;
import io.quarkiverse.moduleevents.test.catalog.user.Signup;
import io.quarkiverse.moduleevents.test.catalog.user.User;
import io.quarkiverse.moduleevents.test.catalog.user.UserEvents;
import io.quarkiverse.moduleevents.testsupport.BuildOutput;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Two builds of one application write identical catalogs, whatever order they find its classes, observers and channels
 * in: the {@code catalog.json} and {@code catalog.md} this build wrote are, byte for byte, what a second rendering of
 * the catalog makes of the same build items in reverse order ({@link ReorderedCatalog}). The application has two
 * receivers of one event under one method name ({@link Newsletter}) and channels produced out of order.
 */
class CatalogDeterminismTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .addBootstrapCustomizer(
                    bootstrap -> bootstrap.setTargetDirectory(BuildOutput.fresh(CatalogDeterminismTest.class)))
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Signup.class,
                    MailEvents.class, WelcomeMail.class, ReminderMail.class, Newsletter.class, Audit.class,
                    Invoices.class)
                    .addClass(Invoices.class.getPackageName() + ".package-info"))
            .addBuildChainCustomizer(chain -> ReorderedCatalog.addTo(chain))
            .addBuildChainCustomizer(chain -> chain.addBuildStep(new BridgeUserEvents())
                    .produces(EventChannelBuildItem.class).build())
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void aRenderingOfTheBuildItemsInReverseOrderIsByteForByteTheCatalogWritten() throws IOException {
        String json = Files.readString(BuildOutput.moduleEventsFile(CatalogDeterminismTest.class, "catalog.json"));
        assertEquals(json, resource(ReorderedCatalog.JSON_RESOURCE));
        assertEquals(json, resource("META-INF/module-events/catalog.json"), "the catalog packaged in the application");
        assertEquals(Files.readString(BuildOutput.moduleEventsFile(CatalogDeterminismTest.class, "catalog.md")),
                resource(ReorderedCatalog.MARKDOWN_RESOURCE));
        assertEquals(2, json.split(Newsletter.class.getName() + "#subscribe", -1).length - 1,
                "both receivers of the overloaded name are in the catalog");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " is packaged");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Bridges {@code user:account:created} out on two channels and {@code user:emails:created} in from one, produced
     * out of alphabetical order. In a class of its own, not a lambda of the test: it is loaded with the build's classes.
     */
    static final class BridgeUserEvents implements BuildStep {
        @Override
        public void execute(BuildContext context) {
            context.produce(new EventChannelBuildItem(UserEvents.ACCOUNT_CREATED, "users-b", true));
            context.produce(new EventChannelBuildItem(UserEvents.ACCOUNT_CREATED, "users-a", true));
            context.produce(new EventChannelBuildItem(UserEvents.EMAIL_CREATED, "emails", false));
        }
    }
}
