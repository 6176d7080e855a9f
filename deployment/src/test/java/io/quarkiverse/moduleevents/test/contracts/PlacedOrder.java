package io.quarkiverse.moduleevents.test.contracts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

public record PlacedOrder(long number, @NotNull String customer, @JsonProperty("total_price") BigDecimal total,
        @JsonIgnore String internalNote, Status status, List<Line> lines, Map<String, Integer> quantities,
        Optional<String> coupon, Instant placedAt, LocalDate deliveryDay, Duration holdFor, UUID trackingId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String giftMessage) {

    public enum Status {
        NEW,
        @JsonProperty("paid")
        PAID
    }

    public record Line(@NotNull String sku, int quantity) {
    }
}
