package io.quarkiverse.moduleevents.messaging.deployment;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A broken rule of the messaging bridge, collected so that the build reports every problem at once.
 */
public final class MessagingProblemBuildItem extends MultiBuildItem {

    private final ModuleEventsMessagingDeploymentException problem;

    MessagingProblemBuildItem(ModuleEventsMessagingDeploymentException problem) {
        this.problem = problem;
    }

    /**
     * @return the problem, its message naming the configuration key, the member and the fix
     */
    public ModuleEventsMessagingDeploymentException problem() {
        return problem;
    }
}
