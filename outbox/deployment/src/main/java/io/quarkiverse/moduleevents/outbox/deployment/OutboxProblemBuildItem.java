package io.quarkiverse.moduleevents.outbox.deployment;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A broken rule of the outbox, collected so that the build reports every problem at once.
 */
public final class OutboxProblemBuildItem extends MultiBuildItem {

    private final OutboxDeploymentException problem;

    OutboxProblemBuildItem(OutboxDeploymentException problem) {
        this.problem = problem;
    }

    /**
     * @return the problem, its message naming the datasource or extension and the fix
     */
    public OutboxDeploymentException problem() {
        return problem;
    }
}
