package io.quarkiverse.moduleevents.deployment;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A broken declaration rule, collected so that the build reports every problem at once.
 */
public final class EventDeclarationProblemBuildItem extends MultiBuildItem {

    private final ModuleEventsDeploymentException problem;

    EventDeclarationProblemBuildItem(ModuleEventsDeploymentException problem) {
        this.problem = problem;
    }

    /**
     * @return the problem, its message naming the rule, the member and the fix
     */
    public ModuleEventsDeploymentException problem() {
        return problem;
    }
}
