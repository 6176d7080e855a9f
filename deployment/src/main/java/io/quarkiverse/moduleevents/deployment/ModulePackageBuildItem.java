package io.quarkiverse.moduleevents.deployment;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A package annotated {@code @EventModule} in its {@code package-info.java}, or listed in
 * {@code quarkus.module-events.modules."<module>".packages}: its classes and those of its subpackages belong to that
 * module, which may declare no events, such as a module that only receives.
 */
public final class ModulePackageBuildItem extends MultiBuildItem {

    private final String packageName;
    private final String module;

    ModulePackageBuildItem(String packageName, String module) {
        this.packageName = packageName;
        this.module = module;
    }

    /**
     * @return the package's name, such as {@code com.acme.audit}
     */
    public String packageName() {
        return packageName;
    }

    /**
     * @return the module's name
     */
    public String module() {
        return module;
    }
}
