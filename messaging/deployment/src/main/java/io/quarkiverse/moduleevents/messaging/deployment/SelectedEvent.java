package io.quarkiverse.moduleevents.messaging.deployment;

import io.quarkiverse.moduleevents.deployment.DeclaredEvent;

/**
 * A declared event with a {@code @Payload}, selected for one channel.
 *
 * @param channel the channel's name
 * @param event the declared event
 * @param outgoing whether the event goes out on the channel; otherwise it comes in from it
 */
record SelectedEvent(String channel, DeclaredEvent event, boolean outgoing) {
}
