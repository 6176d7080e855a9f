package io.quarkiverse.moduleevents.outbox.kafka;

import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/**
 * The outbox's readiness check, {@code module-events-outbox}, read over HTTP from {@code /q/health/ready}.
 */
final class ReadinessCheck {

    /** the check in the response, among the application's other checks */
    static final String CHECK = "checks.find { it.name == 'module-events-outbox' }";

    private ReadinessCheck() {
    }

    /**
     * Waits until the check reports {@code status}.
     *
     * @return the response that reported it, to assert its data
     */
    static ValidatableResponse awaitStatus(String status) {
        await("the readiness check is " + status,
                () -> status.equals(RestAssured.get("/q/health/ready").path(CHECK + ".status")));
        return RestAssured.get("/q/health/ready").then().body(CHECK + ".status", is(status));
    }

    static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(condition);
    }
}
