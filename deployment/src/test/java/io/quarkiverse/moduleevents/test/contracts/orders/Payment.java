package io.quarkiverse.moduleevents.test.contracts.orders;

import jakarta.validation.constraints.NotNull;

public record Payment(@NotNull String orderId, long cents, Method method, String reference) {

    public enum Method {
        CARD,
        TRANSFER
    }
}
