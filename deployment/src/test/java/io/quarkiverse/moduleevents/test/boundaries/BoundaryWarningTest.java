package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.test.boundaries.mail.CallingMail;
import io.quarkiverse.moduleevents.test.boundaries.mail.InjectingMail;
import io.quarkiverse.moduleevents.test.boundaries.mail.WelcomeMail;
import io.quarkus.test.QuarkusUnitTest;

/**
 * By default a crossing of a module boundary is a warning: the build passes, logs each crossing, and the catalog lists
 * the mail module's dependencies on the user module, by its event and directly.
 */
class BoundaryWarningTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.application(WelcomeMail.class, InjectingMail.class,
            CallingMail.class)
            .setLogRecordPredicate(record -> record.getLevel().equals(Level.WARNING)
                    && record.getMessage().startsWith("Module boundaries"))
            .assertLogRecords(records -> assertEquals(List.of("Module boundaries crossed 2 times (set"
                    + " quarkus.module-events.boundaries=fail to fail the build, or ignore to stop looking):\n"
                    + BoundaryTests.crossing(CallingMail.class, BoundaryTests.DIRECTORY,
                            "method: " + CallingMail.class.getName() + "#users, line 8, calls UserDirectory#count")
                    + "\n"
                    + BoundaryTests.crossing(InjectingMail.class, BoundaryTests.DIRECTORY,
                            "field: " + InjectingMail.class.getName() + "#directory, injection point of its type")),
                    records.stream().map(LogRecord::getMessage).toList()));

    @Inject
    InjectingMail injectingMail;

    @Test
    void theCatalogListsTheDependenciesByEventAndDirect() throws IOException {
        try (InputStream catalog = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/module-events/catalog.json")) {
            assertEquals(new ObjectMapper().readTree("""
                    [{"module": "mail", "on": "user", "events": ["user:account:created"], "direct": ["%s"]}]
                    """.formatted(BoundaryTests.DIRECTORY)), new ObjectMapper().readTree(catalog).get("dependencies"));
        }
    }
}
