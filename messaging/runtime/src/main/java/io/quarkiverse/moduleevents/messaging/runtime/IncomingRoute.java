package io.quarkiverse.moduleevents.messaging.runtime;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * One declared event that comes in from one channel, as the build selected it.
 */
public final class IncomingRoute {

    private final String channel;
    private final String name;
    private final String module;
    private final Class<?> payloadType;

    /**
     * @param channel the incoming channel
     * @param name the event name, the CloudEvents {@code type} it arrives with
     * @param module the module that declares the event
     * @param payloadType the event's {@code @Payload} type, which the data is decoded into
     */
    @RecordableConstructor
    public IncomingRoute(String channel, String name, String module, Class<?> payloadType) {
        this.channel = channel;
        this.name = name;
        this.module = module;
        this.payloadType = payloadType;
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

    public Class<?> getPayloadType() {
        return payloadType;
    }
}
