package io.quarkiverse.moduleevents.deployment;

import java.util.Objects;

import org.jboss.jandex.DotName;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A qualifier that a sibling extension adds to the module events it fires, such as the bridge's {@code @Remote} on the
 * events that arrive from a broker: the catalog lists the receivers that require it, as receivers of those events
 * only.
 */
public final class FiredQualifierBuildItem extends MultiBuildItem {

    private final DotName qualifier;

    public FiredQualifierBuildItem(DotName qualifier) {
        this.qualifier = Objects.requireNonNull(qualifier);
    }

    public DotName qualifier() {
        return qualifier;
    }
}
