package io.quarkiverse.moduleevents.deployment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells which module a class belongs to: the module of the nearest package, its own or a parent, that holds an
 * {@code @EventModule} interface, is annotated {@code @EventModule} or is configured as one of the module's packages.
 * For the catalog, a class elsewhere reads as a module named after the last segment of its package, so that a module
 * that only receives still reads as {@code audit}, not {@code com.acme.audit}; for the module boundaries it is shared.
 */
final class ReceivingModules {

    private final Map<String, String> moduleOfPackage = new HashMap<>();
    /** packages that hold the interfaces of two modules and name no module of their own: their classes are shared */
    private final Set<String> ambiguousPackages = new HashSet<>();

    ReceivingModules(DeclaredEventsBuildItem declared, List<ModulePackageBuildItem> modulePackages) {
        for (EventModuleBuildItem module : declared.modules()) {
            String packageName = packageOf(module.declaringInterface().toString());
            String previous = moduleOfPackage.putIfAbsent(packageName, module.name());
            if (previous != null && !previous.equals(module.name())) {
                ambiguousPackages.add(packageName);
            }
        }
        // a package's own annotation names its module even where an interface of another module stands beside it
        for (ModulePackageBuildItem modulePackage : modulePackages) {
            moduleOfPackage.put(modulePackage.packageName(), modulePackage.module());
            ambiguousPackages.remove(modulePackage.packageName());
        }
    }

    String moduleOf(String className) {
        String classPackage = packageOf(className);
        String modulePackage = nearestModulePackage(classPackage);
        if (modulePackage != null) {
            return moduleOfPackage.get(modulePackage);
        }
        return classPackage.isEmpty() ? "" : classPackage.substring(classPackage.lastIndexOf('.') + 1);
    }

    /**
     * @param packageName a package name, dots and all
     * @return the module the package's classes belong to, {@code null} when they are shared: outside every module, or
     *         in a package that holds the interfaces of two modules
     */
    String memberOf(String packageName) {
        String modulePackage = nearestModulePackage(packageName);
        return modulePackage == null || ambiguousPackages.contains(modulePackage) ? null
                : moduleOfPackage.get(modulePackage);
    }

    private String nearestModulePackage(String packageName) {
        for (String candidate = packageName; !candidate.isEmpty(); candidate = packageOf(candidate)) {
            if (moduleOfPackage.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
