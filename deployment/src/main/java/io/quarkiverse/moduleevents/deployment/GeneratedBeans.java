package io.quarkiverse.moduleevents.deployment;

import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmo2Adaptor;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.gizmo2.Gizmo;

/**
 * The Gizmo with which the extensions' processors generate bean classes. Like ArC's own generators, it writes neither
 * debug information nor parameter names, so the generated classes carry what the container needs and nothing more.
 */
public final class GeneratedBeans {

    private GeneratedBeans() {
    }

    /**
     * @return a Gizmo that hands every class it generates to ArC as a bean class
     */
    public static Gizmo gizmo(BuildProducer<GeneratedBeanBuildItem> beans) {
        return Gizmo.create(new GeneratedBeanGizmo2Adaptor(beans)).withDebugInfo(false).withParameters(false);
    }
}
