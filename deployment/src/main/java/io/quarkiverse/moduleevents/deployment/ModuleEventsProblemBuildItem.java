package io.quarkiverse.moduleevents.deployment;

import jakarta.enterprise.inject.spi.DeploymentException;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A broken rule, collected so that the build reports every problem at once. The messaging bridge and the outbox report
 * their problems through this item too, so that all of them fail the build as one
 * {@link ModuleEventsProblemsException}.
 */
public final class ModuleEventsProblemBuildItem extends MultiBuildItem {

    private final DeploymentException problem;

    /**
     * @param problem one broken rule, its type telling the rule, its message naming the rule, the member and the fix
     */
    public ModuleEventsProblemBuildItem(DeploymentException problem) {
        this.problem = problem;
    }

    /**
     * @return the problem, its message naming the rule, the member and the fix
     */
    public DeploymentException problem() {
        return problem;
    }
}
