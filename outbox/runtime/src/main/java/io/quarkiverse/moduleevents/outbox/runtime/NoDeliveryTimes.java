package io.quarkiverse.moduleevents.outbox.runtime;

import java.time.Instant;

import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * Delivery times without metrics: nothing is measured.
 */
@DefaultBean
@Singleton
public class NoDeliveryTimes implements DeliveryTimes {

    @Override
    public void delivered(Kind kind, Instant createdAt) {
    }
}
