package io.quarkiverse.moduleevents.deployment;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A broken rule, collected so that the build reports every problem at once.
 */
public final class ModuleEventsProblemBuildItem extends MultiBuildItem {

    private final ModuleEventsDeploymentException problem;

    ModuleEventsProblemBuildItem(ModuleEventsDeploymentException problem) {
        this.problem = problem;
    }

    /**
     * @return the problem, its message naming the rule, the member and the fix
     */
    public ModuleEventsDeploymentException problem() {
        return problem;
    }
}
