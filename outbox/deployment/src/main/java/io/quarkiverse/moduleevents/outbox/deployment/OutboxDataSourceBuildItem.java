package io.quarkiverse.moduleevents.outbox.deployment;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The datasource of the outbox, checked: configured, of a supported kind, and in JTA transactions. Absent when a check
 * failed; the problem is then reported.
 */
public final class OutboxDataSourceBuildItem extends SimpleBuildItem {

    private final String name;
    private final String dbKind;

    OutboxDataSourceBuildItem(String name, String dbKind) {
        this.name = name;
        this.dbKind = dbKind;
    }

    /**
     * @return the datasource's name, {@code <default>} for the default datasource
     */
    public String name() {
        return name;
    }

    /**
     * @return the Quarkus database kind, {@code postgresql} or {@code h2}
     */
    public String dbKind() {
        return dbKind;
    }
}
