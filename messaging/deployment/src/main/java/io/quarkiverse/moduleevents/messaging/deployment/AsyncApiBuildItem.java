package io.quarkiverse.moduleevents.messaging.deployment;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The AsyncAPI 3.0.0 document of the application's bridged channels, as JSON.
 */
public final class AsyncApiBuildItem extends SimpleBuildItem {

    private final String json;

    AsyncApiBuildItem(String json) {
        this.json = json;
    }

    /**
     * @return the document as indented JSON
     */
    public String json() {
        return json;
    }
}
