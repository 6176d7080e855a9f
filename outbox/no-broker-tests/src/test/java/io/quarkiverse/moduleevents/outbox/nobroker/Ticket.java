package io.quarkiverse.moduleevents.outbox.nobroker;

public record Ticket(String id, String title) {
}
