package io.quarkiverse.moduleevents;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.runtime.SentEventList;

/**
 * Records every event sent through any emitter, so that a test can assert what a call emitted without writing
 * observers:
 *
 * <pre>
 * &#64;Inject
 * SentEvents sent;
 *
 * &#64;Test
 * void registeringAUserAnnouncesTheAccount() {
 *     sent.clear();
 *     given().contentType(JSON).body(newUser).post("/users").then().statusCode(201);
 *     assertEquals(List.of("user:account:created", "user:emails:created"), sent.names());
 * }
 * </pre>
 *
 * The bean exists only when the application runs in test mode ({@code @QuarkusTest}, {@code QuarkusUnitTest}); in
 * production and dev mode it is absent. In production sending records nothing; in dev mode the emitters report each
 * event to the Dev UI instead, which keeps the last 100. An event is recorded once it passed the
 * emitter's checks, before any receiver runs, so an event whose receiver threw is recorded too. Thread-safe.
 */
@Singleton
public class SentEvents {

    private final SentEventList sent;

    @Inject
    SentEvents(SentEventList sent) {
        this.sent = sent;
    }

    /**
     * @return the name of every event sent since the start or the last {@link #clear()}, in the order they were sent
     */
    public List<String> names() {
        return sent.names();
    }

    /**
     * @param name an event name
     * @return the payloads sent with that name, in the order they were sent; empty when none was
     */
    public List<Object> payloads(String name) {
        return sent.payloads(name);
    }

    /**
     * Forgets every event recorded so far.
     */
    public void clear() {
        sent.clear();
    }
}
