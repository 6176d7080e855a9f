package io.quarkiverse.moduleevents.messaging.spi;

import java.time.OffsetDateTime;

/**
 * An outgoing event as the bridge prepared it for the broker: its CloudEvents attributes and its data, serialised
 * once, so that it can be stored and sent later, as often as needed, with the same id.
 *
 * @param id the CloudEvents {@code id}, a UUID
 * @param channel the outgoing channel
 * @param name the event name, the CloudEvents {@code type}
 * @param module the module that declares the event
 * @param source the CloudEvents {@code source}, {@code /<service>/<module>}
 * @param subject the CloudEvents {@code subject}, the payload's {@code @EventSubject}; {@code null} when none
 * @param time the CloudEvents {@code time}, when the event was sent
 * @param data the payload as JSON
 */
public record OutgoingEvent(String id, String channel, String name, String module, String source, String subject,
        OffsetDateTime time, byte[] data) {
}
