package io.quarkiverse.moduleevents.deployment;

import java.util.Comparator;
import java.util.List;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The references from a class of one module to a type that another module does not publish, one for each class and
 * type, sorted by class and type; none when {@code quarkus.module-events.boundaries=ignore}.
 */
public final class BoundaryCrossingsBuildItem extends SimpleBuildItem {

    private final List<BoundaryCrossing> crossings;

    BoundaryCrossingsBuildItem(List<BoundaryCrossing> crossings) {
        this.crossings = crossings.stream()
                .sorted(Comparator.comparing(BoundaryCrossing::className).thenComparing(BoundaryCrossing::type))
                .toList();
    }

    /**
     * @return the crossings, sorted by class and type
     */
    public List<BoundaryCrossing> crossings() {
        return crossings;
    }
}
