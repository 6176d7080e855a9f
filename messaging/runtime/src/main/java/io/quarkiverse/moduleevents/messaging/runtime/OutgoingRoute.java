package io.quarkiverse.moduleevents.messaging.runtime;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * One declared event that goes out on one channel, as the build selected it.
 */
public final class OutgoingRoute {

    private final String channel;
    private final String name;
    private final String module;
    private final String subjectProperty;
    private final boolean kafkaKey;

    /**
     * @param channel the outgoing channel
     * @param name the event name, the CloudEvents {@code type}
     * @param module the module that declares the event
     * @param subjectProperty the JSON property of the payload's {@code @EventSubject} member, {@code null} when none
     * @param kafkaKey whether the channel is a Kafka channel, whose record key is the subject
     */
    @RecordableConstructor
    public OutgoingRoute(String channel, String name, String module, String subjectProperty, boolean kafkaKey) {
        this.channel = channel;
        this.name = name;
        this.module = module;
        this.subjectProperty = subjectProperty;
        this.kafkaKey = kafkaKey;
    }

    public String getChannel() {
        return channel;
    }

    public String getName() {
        return name;
    }

    public String getModule() {
        return module;
    }

    public String getSubjectProperty() {
        return subjectProperty;
    }

    public boolean isKafkaKey() {
        return kafkaKey;
    }
}
