package io.quarkiverse.moduleevents.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Drives the example over HTTP only, so that it runs unchanged against the packaged application. The application's
 * state grows from test to test: each test registers users with addresses of its own and looks at those alone.
 */
@QuarkusTest
class UserResourceTest {

    private static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void registrationRunsTheAccountReceiversInPriorityOrderBeforeResponding() {
        String email = uniqueEmail("alice");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "alice", "email", email))
                .when().post("/users")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("name", equalTo("alice"), "email", equalTo(email))
                .extract().path("id");

        List<String> subjects = subjectsTo(email);
        assertEquals(List.of("Welcome, alice", "Getting started, alice"), subjects.stream().limit(2).toList(),
                subjects.toString());
        given().get("/users/" + id).then().statusCode(200).body("email", equalTo(email));
        // no transaction: the AFTER_SUCCESS receiver ran at once
        given().get("/crm/contacts").then().body("email", hasItem(email));
    }

    @Test
    void registrationSendsTheVerificationMailAsynchronously() {
        String email = uniqueEmail("bob");
        register("bob", email);

        await().atMost(ASYNC_TIMEOUT).untilAsserted(() -> assertEquals(
                List.of("Welcome, bob", "Getting started, bob", "Please verify " + email), subjectsTo(email)));
    }

    @Test
    void auditLogSeesEveryEventOfTheModulesFirst() {
        String email = uniqueEmail("carol");
        register("carol", email);

        await().atMost(ASYNC_TIMEOUT).untilAsserted(() -> assertEquals(
                List.of("user:account:created", "mail:welcome:sent", "user:emails:created"), auditedEvents(email)));
    }

    @Test
    void resendWelcomeReportsTheFailingReceiverWhileTheOthersRun() {
        String email = uniqueEmail("mallory");
        String id = register("mallory", email);

        given().when().post("/users/" + id + "/resend-welcome")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].receiver", equalTo("io.quarkiverse.moduleevents.it.crm.CrmContacts#onWelcomeRequested"))
                .body("[0].error", equalTo("CRM refuses blocked contact 'mallory'"));

        // the welcome mail receiver runs after the failing CRM receiver
        List<String> subjects = subjectsTo(email);
        assertEquals(2, subjects.stream().filter("Welcome, mallory"::equals).count(), subjects.toString());
        List<String> audited = auditedEvents(email);
        assertTrue(audited.contains("user:welcome:requested"), audited.toString());
        given().get("/crm/activities").then().body("", not(hasItem("welcome requested for " + email)));
    }

    @Test
    void resendWelcomeWithoutFailureReturnsNoFailure() {
        String email = uniqueEmail("dave");
        String id = register("dave", email);

        given().when().post("/users/" + id + "/resend-welcome")
                .then().statusCode(200).body("", empty());

        given().get("/crm/activities").then().body("", hasItem("welcome requested for " + email));
        List<String> subjects = subjectsTo(email);
        assertEquals(2, subjects.stream().filter("Welcome, dave"::equals).count(), subjects.toString());
    }

    @Test
    void resendWelcomeToAnUnknownUserIsNotFound() {
        given().when().post("/users/" + UUID.randomUUID() + "/resend-welcome").then().statusCode(404);
    }

    @Test
    void afterSuccessReceiverRunsOnCommitOnly() {
        String rolledBack = uniqueEmail("erin");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "erin", "email", rolledBack))
                .when().post("/users/transactional?fail=true")
                .then().statusCode(409);

        String committed = uniqueEmail("frank");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "frank", "email", committed))
                .when().post("/users/transactional")
                .then().statusCode(201)
                .extract().path("id");

        // transaction phase receivers run while the transaction completes, before the response is sent
        given().get("/crm/contacts").then()
                .body("email", hasItem(committed))
                .body("email", not(hasItem(rolledBack)));
        given().get("/users/" + id).then().statusCode(200);
        // plain @Observes receivers ran in the transaction, before it rolled back
        assertEquals(List.of("Welcome, erin", "Getting started, erin"), subjectsTo(rolledBack));
    }

    @Test
    void registrationNeedsNameAndEmail() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "grace"))
                .when().post("/users")
                .then().statusCode(400);
    }

    @Test
    void eventsListsTheDeclaredEventsInDeclarationOrder() {
        given().get("/users/events")
                .then().statusCode(200)
                .body("key", contains("ACCOUNT_CREATED", "EMAIL_CREATED", "WELCOME_REQUESTED"))
                .body("name", contains("user:account:created", "user:emails:created", "user:welcome:requested"))
                .body("received", contains(true, true, true));
    }

    private static String register(String name, String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email))
                .when().post("/users")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static List<String> subjectsTo(String email) {
        return given().queryParam("to", email).get("/mail/outbox")
                .then().statusCode(200)
                .extract().jsonPath().getList("subject", String.class);
    }

    private static List<String> auditedEvents(String email) {
        List<Map<String, String>> entries = given().get("/audit")
                .then().statusCode(200)
                .extract().jsonPath().getList("");
        return entries.stream()
                .filter(entry -> entry.get("payload").contains(email))
                .map(entry -> entry.get("event"))
                .toList();
    }

    private static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }
}
