package io.quarkiverse.moduleevents.deployment;

import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmo2Adaptor;
import io.quarkus.deployment.GeneratedClassGizmo2Adaptor;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.builditem.GeneratedClassBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.gizmo2.Gizmo;

/**
 * The Gizmos with which the extensions' processors generate classes. Like ArC's own generators, they write neither
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

    /**
     * @return a Gizmo whose classes are application classes that are not beans
     */
    public static Gizmo applicationClasses(BuildProducer<GeneratedClassBuildItem> classes,
            BuildProducer<GeneratedResourceBuildItem> resources) {
        return Gizmo.create(new GeneratedClassGizmo2Adaptor(classes, resources, true)).withDebugInfo(false)
                .withParameters(false);
    }
}
