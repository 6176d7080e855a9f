package io.quarkiverse.moduleevents.deployment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells which module a class belongs to: the module of the nearest package, its own or a parent, that holds an
 * {@code @EventModule} interface or is annotated {@code @EventModule}; else a module named after the last segment of its
 * package, so that a module that only receives still reads as {@code audit}, not {@code com.acme.audit}.
 */
final class ReceivingModules {

    private final Map<String, String> moduleOfPackage = new HashMap<>();

    ReceivingModules(DeclaredEventsBuildItem declared, List<ModulePackageBuildItem> modulePackages) {
        for (EventModuleBuildItem module : declared.modules()) {
            moduleOfPackage.putIfAbsent(packageOf(module.declaringInterface().toString()), module.name());
        }
        // a package's own annotation names its module even where an interface of another module stands beside it
        for (ModulePackageBuildItem modulePackage : modulePackages) {
            moduleOfPackage.put(modulePackage.packageName(), modulePackage.module());
        }
    }

    String moduleOf(String className) {
        String classPackage = packageOf(className);
        for (String candidate = classPackage; !candidate.isEmpty(); candidate = packageOf(candidate)) {
            String module = moduleOfPackage.get(candidate);
            if (module != null) {
                return module;
            }
        }
        return classPackage.isEmpty() ? "" : classPackage.substring(classPackage.lastIndexOf('.') + 1);
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
