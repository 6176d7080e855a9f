package io.quarkiverse.moduleevents.deployment;

import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

/**
 * The types that modules publish, which other modules may use: each {@code @EventModule} interface, the payload type
 * of each event, and what those payloads expose, transitively: their supertypes and the types of their fields, record
 * components and getters, type arguments included.
 */
final class PublishedTypes {

    private PublishedTypes() {
    }

    /**
     * @param index the application's index; types it does not hold (the JDK's, libraries') are published but not
     *        followed
     * @return the class names of the published types, nested ones as {@code com.acme.Outer$Inner}
     */
    static Set<String> of(DeclaredEventsBuildItem declared, IndexView index) {
        Set<DotName> published = new HashSet<>();
        Deque<DotName> toExpose = new ArrayDeque<>();
        for (EventModuleBuildItem module : declared.modules()) {
            published.add(module.declaringInterface());
            module.events().stream().map(DeclaredEvent::payloadType).filter(payload -> payload != null)
                    .filter(published::add).forEach(toExpose::add);
        }
        while (!toExpose.isEmpty()) {
            ClassInfo type = index.getClassByName(toExpose.pop());
            if (type != null) {
                exposedTypes(type).stream().filter(published::add).forEach(toExpose::add);
            }
        }
        Set<String> names = new HashSet<>();
        published.forEach(name -> names.add(name.toString()));
        return names;
    }

    private static Set<DotName> exposedTypes(ClassInfo type) {
        Set<DotName> exposed = new HashSet<>();
        if (type.superClassType() != null) {
            collect(type.superClassType(), exposed);
        }
        type.interfaceTypes().forEach(superType -> collect(superType, exposed));
        for (FieldInfo field : type.fields()) {
            if (!Modifier.isStatic(field.flags())) {
                collect(field.type(), exposed);
            }
        }
        for (RecordComponentInfo component : type.recordComponents()) {
            collect(component.type(), exposed);
        }
        for (MethodInfo method : type.methods()) {
            if (isGetter(method)) {
                collect(method.returnType(), exposed);
            }
        }
        return exposed;
    }

    private static boolean isGetter(MethodInfo method) {
        return !method.isConstructor() && !Modifier.isStatic(method.flags()) && Modifier.isPublic(method.flags())
                && method.parametersCount() == 0 && method.returnType().kind() != Type.Kind.VOID
                && (method.name().startsWith("get") || method.name().startsWith("is"));
    }

    /**
     * Adds the classes a type names, the type arguments, array components and bounds included.
     */
    private static void collect(Type type, Set<DotName> names) {
        switch (type.kind()) {
            case CLASS -> names.add(type.name());
            case PARAMETERIZED_TYPE -> {
                names.add(type.name());
                type.asParameterizedType().arguments().forEach(argument -> collect(argument, names));
            }
            case ARRAY -> collect(type.asArrayType().elementType(), names);
            case WILDCARD_TYPE -> {
                if (type.asWildcardType().superBound() != null) {
                    collect(type.asWildcardType().superBound(), names);
                }
                collect(type.asWildcardType().extendsBound(), names);
            }
            case TYPE_VARIABLE -> type.asTypeVariable().bounds().forEach(bound -> collect(bound, names));
            default -> {
            }
        }
    }
}
