package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.test.catalog.accounting.Invoices;
import io.quarkiverse.moduleevents.test.catalog.audit.Audit;
import io.quarkiverse.moduleevents.test.catalog.mail.MailEvents;
import io.quarkiverse.moduleevents.test.catalog.mail.ReminderMail;
import io.quarkiverse.moduleevents.test.catalog.mail.WelcomeMail;
import io.quarkiverse.moduleevents.test.catalog.user.Signup;
import io.quarkiverse.moduleevents.test.catalog.user.User;
import io.quarkiverse.moduleevents.test.catalog.user.UserEvents;
import io.quarkiverse.moduleevents.testsupport.BuildOutput;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The build writes the catalog of who sends and who receives each event, and warns about unused events.
 */
class EventCatalogTest {

    private static final String PACKAGE = "io.quarkiverse.moduleevents.test.catalog";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .addBootstrapCustomizer(bootstrap -> bootstrap.setTargetDirectory(BuildOutput.fresh(EventCatalogTest.class)))
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Signup.class,
                    MailEvents.class, WelcomeMail.class, ReminderMail.class, Audit.class, Invoices.class,
                    packageInfo(Invoices.class)))
            .setLogRecordPredicate(record -> record.getLevel().equals(Level.WARNING)
                    && (record.getMessage().contains("nothing sends") || record.getMessage().contains("never run")))
            .assertLogRecords(records -> {
                assertEquals(List.of("Events that nothing sends and nothing receives: mail:welcome:sent; remove them,"
                        + " send or receive them, or set quarkus.module-events.unused=ignore (a name sent only as a"
                        + " computed, non-constant value counts as not sent)",
                        "Receivers that never run, because every call that sends their events sends them the other"
                                + " way: " + PACKAGE + ".mail.ReminderMail#remind (@ObservesAsync) of"
                                + " 'user:account:created', sent only with send and sendRobust. An @ObservesAsync"
                                + " receiver gets only what sendAsync sends, an @Observes receiver only what send and"
                                + " sendRobust send: change how the event is sent or how it is observed, or set"
                                + " quarkus.module-events.unused=ignore (a name sent only as a computed, non-constant"
                                + " value is not seen)"),
                        records.stream().map(LogRecord::getMessage).sorted().toList());
            });

    @Test
    void catalogListsModulesEventsSendersAndReceivers() throws IOException {
        assertEquals(
                JSON.readTree(
                        """
                                {
                                  "modules": [
                                    {"name": "mail", "interface": "PKG.mail.MailEvents", "events": [
                                      {"key": "WELCOME_SENT", "name": "mail:welcome:sent", "payload": null, "schema": null, "senders": [], \
                                "sends": [], "receivers": [], "outgoing": [], "incoming": []}
                                    ]},
                                    {"name": "user", "interface": "PKG.user.UserEvents", "events": [
                                      {"key": "ACCOUNT_CREATED", "name": "user:account:created", "payload": "PKG.user.User", \
                                "schema": USER_SCHEMA, "senders": ["PKG.user.Signup#importUser", "PKG.user.Signup#register"], \
                                "sends": [{"sender": "PKG.user.Signup#importUser", "with": "sendRobust", \
                                "line": 18}, {"sender": "PKG.user.Signup#register", "with": "send", "line": 13}], "receivers": [
                                        {"method": "PKG.audit.Audit#everyUserEvent", "module": "audit", "async": false, \
                                "priority": 1, "pattern": null, "runs": true, "durable": false, "remote": false},
                                        {"method": "PKG.mail.WelcomeMail#onAccount", "module": "mail", "async": false, \
                                "priority": 10, "pattern": null, "runs": true, "durable": false, "remote": false},
                                        {"method": "PKG.accounting.Invoices#openAccount", "module": "billing", "async": false, \
                                "priority": 2500, "pattern": null, "runs": true, "durable": false, "remote": false},
                                        {"method": "PKG.mail.ReminderMail#remind", "module": "mail", "async": true, \
                                "priority": 2500, "pattern": null, "runs": false, "durable": false, "remote": false},
                                        {"method": "PKG.mail.WelcomeMail#onCreated", "module": "mail", "async": true, \
                                "priority": 2500, "pattern": "user:*:created", "runs": false, "durable": false, "remote": false}
                                      ], "outgoing": [], "incoming": []},
                                      {"key": "EMAIL_CREATED", "name": "user:emails:created", "payload": "PKG.user.User", \
                                "schema": USER_SCHEMA, "senders": ["PKG.user.Signup#register"], "sends": [{"sender": "PKG.user.Signup#register", \
                                "with": "sendAsync", "line": 14}], "receivers": [
                                        {"method": "PKG.audit.Audit#everyUserEvent", "module": "audit", "async": false, \
                                "priority": 1, "pattern": null, "runs": false, "durable": false, "remote": false},
                                        {"method": "PKG.mail.WelcomeMail#onCreated", "module": "mail", "async": true, \
                                "priority": 2500, "pattern": "user:*:created", "runs": true, "durable": false, "remote": false}
                                      ], "outgoing": [], "incoming": []},
                                      {"key": "PHONE_CREATED", "name": "user:phones:created", "payload": null, "schema": null, "senders": [], \
                                "sends": [], "receivers": [
                                        {"method": "PKG.audit.Audit#everyUserEvent", "module": "audit", "async": false, \
                                "priority": 1, "pattern": null, "runs": true, "durable": false, "remote": false},
                                        {"method": "PKG.mail.WelcomeMail#onCreated", "module": "mail", "async": true, \
                                "priority": 2500, "pattern": "user:*:created", "runs": true, "durable": false, "remote": false}
                                      ], "outgoing": [], "incoming": []}
                                    ]}
                                  ],
                                  "dependencies": [
                                    {"module": "audit", "on": "user", "events": ["user:account:created", "user:emails:created", \
                                "user:phones:created"], "direct": []},
                                    {"module": "billing", "on": "user", "events": ["user:account:created"], "direct": []},
                                    {"module": "mail", "on": "user", "events": ["user:account:created", "user:emails:created", \
                                "user:phones:created"], "direct": []}
                                  ]
                                }
                                """
                                .replace("PKG", PACKAGE).replace("USER_SCHEMA", """
                                        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                                         "properties": {"name": {"type": ["string", "null"]}}}""")),
                JSON.readTree(resource("META-INF/module-events/catalog.json")));
    }

    @Test
    void theMarkdownPageDrawsSendingModuleEventAndReceivingModule() throws IOException {
        String page = Files.readString(BuildOutput.moduleEventsFile(EventCatalogTest.class, "catalog.md"));
        assertTrue(page.contains("""
                ```mermaid
                flowchart LR
                    m0["mail"]
                    m0 --> e1(["mail:welcome:sent"])
                    m2["user"]
                    m2 --> e3(["user:account:created"])
                    e3 --> m4["audit"]
                    e3 --> m5["billing"]
                    e3 --> m0["mail"]
                    m2 --> e6(["user:emails:created"])
                    e6 --> m0["mail"]
                    m2 --> e7(["user:phones:created"])
                    e7 --> m4["audit"]
                    e7 --> m0["mail"]
                    m4["audit"] -.->|depends on| m2["user"]
                    m5["billing"] -.->|depends on| m2["user"]
                    m0["mail"] -.->|depends on| m2["user"]
                """), page);
        assertTrue(page.contains("| ACCOUNT_CREATED | `user:account:created` | `" + PACKAGE + ".user.User` | `" + PACKAGE
                + ".user.Signup#importUser (sendRobust)`<br>`" + PACKAGE + ".user.Signup#register (send)` | `" + PACKAGE
                + ".audit.Audit#everyUserEvent (sync, priority 1)`"), page);
        assertTrue(page.contains("`" + PACKAGE + ".mail.ReminderMail#remind (async, priority 2500, never runs: not sent"
                + " with sendAsync)`"), page);
        assertFalse(page.contains("asyncapi.yaml"), "no broker channel, no AsyncAPI document");
    }

    private static Class<?> packageInfo(Class<?> member) {
        try {
            return Class.forName(member.getPackageName() + ".package-info");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
