package io.quarkiverse.moduleevents.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The example's {@code /q/metrics} (Prometheus) and {@code /q/health}, read over HTTP only, so that it runs unchanged
 * against the packaged application. The counters grow from test to test: each test compares them before and after
 * what it does.
 */
@QuarkusTest
class ObservabilityTest {

    private static final String ACCOUNTS_SENT = "module_events_sent_total{event=\"user:account:created\",module=\"user\"}";
    private static final String CRM_FAILURES = "module_events_receiver_failures_total{event=\"user:welcome:requested\","
            + "receiver=\"io.quarkiverse.moduleevents.it.crm.CrmContacts#onWelcomeRequested\"}";

    @Test
    void aRegistrationCountsOneSentAccount() {
        double before = sample(metrics(), ACCOUNTS_SENT);

        register("grace");

        assertEquals(before + 1, sample(metrics(), ACCOUNTS_SENT));
    }

    @Test
    void everyDeclaredEventHasItsSentCounterBeforeItIsSent() {
        String metrics = metrics();

        for (String event : new String[] { "user:account:created", "user:emails:created", "user:welcome:requested",
                "mail:welcome:sent" }) {
            String module = event.substring(0, event.indexOf(':'));
            assertTrue(metrics.contains("module_events_sent_total{event=\"" + event + "\",module=\"" + module + "\"}"),
                    event);
        }
    }

    @Test
    void aFailingReceiverIsCountedByEventAndReceiver() {
        String id = register("mallory");
        String before = metrics();

        given().when().post("/users/" + id + "/resend-welcome").then().statusCode(200);

        assertEquals(sampleOrZero(before, CRM_FAILURES) + 1, sample(metrics(), CRM_FAILURES));
    }

    @Test
    void healthIsUp() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static String register(String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", name + "-" + UUID.randomUUID() + "@example.com"))
                .when().post("/users")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double sample(String metrics, String series) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertTrue(sample.find(), () -> series + " not in /q/metrics");
        return Double.parseDouble(sample.group(1));
    }

    /** A receiver's failure counter appears once its event is first sent. */
    private static double sampleOrZero(String metrics, String series) {
        return metrics.contains(series) ? sample(metrics, series) : 0;
    }
}
