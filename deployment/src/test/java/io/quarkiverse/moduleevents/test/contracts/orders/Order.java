package io.quarkiverse.moduleevents.test.contracts.orders;

import java.util.List;

import jakarta.validation.constraints.NotNull;

public record Order(String id, @NotNull String customer, Status status, List<Line> lines, String note) {

    public enum Status {
        NEW,
        PAID,
        SHIPPED
    }

    public record Line(String sku, int quantity) {
    }
}
