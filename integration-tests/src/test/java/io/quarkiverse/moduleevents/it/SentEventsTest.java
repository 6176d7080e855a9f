package io.quarkiverse.moduleevents.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.moduleevents.SentEvents;
import io.quarkiverse.moduleevents.it.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Asserts what a REST call emitted through {@link SentEvents}, without writing observers. It injects a bean, so it
 * runs as a {@code @QuarkusTest} only.
 */
@QuarkusTest
class SentEventsTest {

    @Inject
    SentEvents sent;

    @BeforeEach
    void forgetEarlierEvents() {
        sent.clear();
    }

    @Test
    void registeringAUserSendsTheAccountThenTheWelcomeThenTheEmailEvent() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "dora", "email", "dora@example.com"))
                .post("/users")
                .then().statusCode(201)
                .extract().path("id");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(
                List.of("user:account:created", "mail:welcome:sent", "user:emails:created"), sent.names()));
        User user = (User) sent.payloads("user:account:created").get(0);
        assertEquals(id, user.id());
        assertEquals("dora@example.com", user.email());
    }

    @Test
    void aRejectedRegistrationSendsNothing() {
        given().contentType(ContentType.JSON).body(Map.of("name", "eve")).post("/users").then().statusCode(400);

        assertEquals(List.of(), sent.names());
    }
}
