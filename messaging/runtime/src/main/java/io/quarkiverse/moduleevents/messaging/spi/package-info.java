/**
 * What the messaging bridge offers a sibling extension (the outbox) and what it asks of one: an
 * {@link io.quarkiverse.moduleevents.messaging.spi.OutgoingEventSink} that keeps outgoing events in the sender's
 * transaction, an {@link io.quarkiverse.moduleevents.messaging.spi.OutgoingEventSender} that sends them later, and an
 * {@link io.quarkiverse.moduleevents.messaging.spi.IncomingEventInbox} that delivers incoming events once. Not for
 * applications.
 */
package io.quarkiverse.moduleevents.messaging.spi;
