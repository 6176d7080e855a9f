package io.quarkiverse.moduleevents.messaging.deployment;

import io.quarkiverse.moduleevents.messaging.spi.OutgoingEventSink;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Produced by a sibling extension (the outbox) that provides an {@link OutgoingEventSink} bean: the bridge's outgoing
 * observers then hand every event to that sink, the synchronous one during the sender's transaction, instead of
 * sending it after the commit.
 */
public final class OutgoingEventSinkBuildItem extends SimpleBuildItem {
}
