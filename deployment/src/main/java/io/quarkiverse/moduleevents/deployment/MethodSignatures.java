package io.quarkiverse.moduleevents.deployment;

import java.util.stream.Collectors;

import org.jboss.jandex.MethodInfo;

/**
 * Names a method in build messages, as the module-events extensions do: {@code com.acme.Mail#onEmail(Email)}.
 */
public final class MethodSignatures {

    private MethodSignatures() {
    }

    /**
     * @return the method as {@code class#method(ParameterTypes)}, its parameter types without their packages
     */
    public static String of(MethodInfo method) {
        return method.declaringClass().name() + "#" + method.name() + method.parameterTypes().stream()
                .map(type -> type.name().withoutPackagePrefix())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
