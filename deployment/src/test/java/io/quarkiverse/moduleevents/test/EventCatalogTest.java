package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.catalog.user.Signup;
import io.quarkiverse.moduleevents.test.catalog.user.User;
import io.quarkiverse.moduleevents.test.catalog.user.UserEvents;
import io.quarkiverse.moduleevents.test.catalog.audit.Audit;
import io.quarkiverse.moduleevents.test.catalog.mail.MailEvents;
import io.quarkiverse.moduleevents.test.catalog.mail.WelcomeMail;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The build writes the catalog of who sends and who receives each event, and warns about unused events.
 */
class EventCatalogTest {

    private static final String PACKAGE = "io.quarkiverse.moduleevents.test.catalog";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Signup.class,
                    MailEvents.class, WelcomeMail.class, Audit.class))
            .setLogRecordPredicate(record -> record.getLevel().equals(Level.WARNING)
                    && record.getMessage().contains("nothing sends"))
            .assertLogRecords(records -> {
                assertEquals(1, records.size());
                assertEquals("Events that nothing sends and nothing receives: mail:welcome:sent; remove them, send"
                        + " or receive them, or set quarkus.module-events.unused=ignore (a name sent only as a"
                        + " computed, non-constant value counts as not sent)", records.get(0).getMessage());
            });

    @Test
    void catalogListsModulesEventsSendersAndReceivers() throws IOException {
        assertEquals("""
                {
                  "modules": [
                    {"name": "mail", "interface": "PKG.mail.MailEvents", "events": [
                      {"key": "WELCOME_SENT", "name": "mail:welcome:sent", "payload": null, "senders": [], "receivers": [], \
                "outgoing": [], "incoming": []}
                    ]},
                    {"name": "user", "interface": "PKG.user.UserEvents", "events": [
                      {"key": "ACCOUNT_CREATED", "name": "user:account:created", "payload": "PKG.user.User", \
                "senders": ["PKG.user.Signup#importUser", "PKG.user.Signup#register"], "receivers": [
                        {"method": "PKG.audit.Audit#everyUserEvent", "async": false, "priority": 1, "pattern": null},
                        {"method": "PKG.mail.WelcomeMail#onAccount", "async": false, "priority": 10, "pattern": null},
                        {"method": "PKG.mail.WelcomeMail#onCreated", "async": true, "priority": 2500, \
                "pattern": "user:*:created"}
                      ], "outgoing": [], "incoming": []},
                      {"key": "EMAIL_CREATED", "name": "user:emails:created", "payload": "PKG.user.User", \
                "senders": ["PKG.user.Signup#register"], "receivers": [
                        {"method": "PKG.audit.Audit#everyUserEvent", "async": false, "priority": 1, "pattern": null},
                        {"method": "PKG.mail.WelcomeMail#onCreated", "async": true, "priority": 2500, \
                "pattern": "user:*:created"}
                      ], "outgoing": [], "incoming": []},
                      {"key": "PHONE_CREATED", "name": "user:phones:created", "payload": null, "senders": [], \
                "receivers": [
                        {"method": "PKG.audit.Audit#everyUserEvent", "async": false, "priority": 1, "pattern": null},
                        {"method": "PKG.mail.WelcomeMail#onCreated", "async": true, "priority": 2500, \
                "pattern": "user:*:created"}
                      ], "outgoing": [], "incoming": []}
                    ]}
                  ]
                }
                """.replace("PKG", PACKAGE), resource("META-INF/module-events/catalog.json"));
    }

    @Test
    void theMarkdownPageDrawsSendingModuleEventAndReceivingModule() throws IOException {
        String page = Files.readString(Path.of("target/module-events/catalog.md"));
        assertTrue(page.contains("""
                ```mermaid
                flowchart LR
                    m0["mail"]
                    m0 --> e1(["mail:welcome:sent"])
                    m2["user"]
                    m2 --> e3(["user:account:created"])
                    e3 --> m4["io.quarkiverse.moduleevents.test.catalog.audit"]
                    e3 --> m0["mail"]
                    m2 --> e5(["user:emails:created"])
                """), page);
        assertTrue(page.contains("| ACCOUNT_CREATED | `user:account:created` | `" + PACKAGE + ".user.User` | `" + PACKAGE
                + ".user.Signup#importUser`<br>`" + PACKAGE + ".user.Signup#register` | `" + PACKAGE
                + ".audit.Audit#everyUserEvent (sync, priority 1)`"), page);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
