package io.quarkiverse.moduleevents.deployment;

import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.EVENT_EMITTER;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.PAYLOAD;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.STRING;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidDeclarationException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidEventNameException;

/**
 * Reads one {@code @EventModule} interface: its {@code String} constants and their {@code @Payload}, checking rules 1
 * and 3. Constant values come from the class file, so no application code runs.
 */
final class EventModuleReader {

    static final String DEFAULT_PATTERN_HINT = "three segments of lower-case letters, digits and single hyphens,"
            + " <module>:<context>:<action>";

    private final IndexView index;
    private final Pattern namePattern;
    private final String patternHint;
    private final Consumer<ModuleEventsDeploymentException> problems;

    EventModuleReader(IndexView index, Pattern namePattern, String patternHint,
            Consumer<ModuleEventsDeploymentException> problems) {
        this.index = index;
        this.namePattern = namePattern;
        this.patternHint = patternHint;
        this.problems = problems;
    }

    /**
     * @return whether the value can name a module: one segment of an event name
     */
    static boolean isModuleName(String value) {
        return !value.isEmpty() && !NamePatterns.isEventName(value);
    }

    /**
     * @return the module, without the constants that break a rule; {@code null} when the type is not an interface
     */
    EventModuleBuildItem read(ClassInfo type, String moduleName) {
        if (!Modifier.isInterface(type.flags())) {
            problems.accept(new InvalidDeclarationException("@EventModule stands on a type that is not an interface: "
                    + type.name() + " [module: '" + moduleName + "']; declare the module's events as String constants"
                    + " of an interface annotated @EventModule(\"" + moduleName + "\")"));
            return null;
        }
        if (!isModuleName(moduleName)) {
            problems.accept(new InvalidEventNameException("Module name is not a single name segment: '" + moduleName
                    + "' [interface: " + type.name() + "]; name the module after the first segment of its events,"
                    + " such as @EventModule(\"user\") for 'user:account:created'"));
        }
        boolean emitterInterface = extendsEventEmitter(type);
        if (emitterInterface) {
            checkOnlyEmitterMethods(type);
        }
        Map<String, Object> constants = constantValues(type.name());
        List<DeclaredEvent> events = new ArrayList<>();
        for (FieldInfo field : type.fieldsInDeclarationOrder()) {
            DeclaredEvent event = readEvent(field, moduleName, constants.get(field.name()));
            if (event != null) {
                events.add(event);
            }
        }
        return new EventModuleBuildItem(moduleName, type.name(), emitterInterface, events);
    }

    private DeclaredEvent readEvent(FieldInfo field, String moduleName, Object value) {
        String member = field.declaringClass().name() + "#" + field.name();
        if (!field.type().name().equals(STRING)) {
            problems.accept(new InvalidDeclarationException("A constant of an @EventModule interface is not a String: "
                    + member + " [type: " + field.type() + "]; an @EventModule interface holds only event names,"
                    + " so move this constant to another type"));
            return null;
        }
        if (!(value instanceof String name)) {
            problems.accept(new InvalidDeclarationException("An event name is not a compile-time constant: " + member
                    + "; assign a string literal, such as \"" + moduleName + ":account:created\","
                    + " so the build can read it without running application code"));
            return null;
        }
        boolean valid = checkName(name, moduleName, member);
        DotName payloadType = payloadType(field, member);
        return valid ? new DeclaredEvent(moduleName, field.name(), name, payloadType, field.declaringClass().name()) : null;
    }

    private boolean checkName(String name, String moduleName, String member) {
        if (!namePattern.matcher(name).matches()) {
            problems.accept(new InvalidEventNameException("Event name breaks the naming pattern: '" + name
                    + "' [constant: " + member + ", pattern: " + namePattern.pattern() + "]; use " + patternHint
                    + ", such as '" + moduleName + ":account:created'"));
            return false;
        }
        int colon = name.indexOf(':');
        String firstSegment = colon < 0 ? name : name.substring(0, colon);
        if (!firstSegment.equals(moduleName)) {
            problems.accept(new InvalidEventNameException("Event name does not start with its module's name: '" + name
                    + "' [constant: " + member + ", module: '" + moduleName + "']; rename it to '" + moduleName
                    + name.substring(Math.max(colon, 0)) + "', or declare it in the interface of module '"
                    + firstSegment + "'"));
            return false;
        }
        return true;
    }

    private DotName payloadType(FieldInfo field, String member) {
        AnnotationInstance payload = field.annotation(PAYLOAD);
        if (payload == null) {
            return null;
        }
        Type type = payload.value().asClass();
        switch (type.kind()) {
            case PRIMITIVE:
                return PrimitiveType.box(type.asPrimitiveType()).name();
            case CLASS:
                return type.name();
            default:
                problems.accept(new InvalidDeclarationException("@Payload names a type that no payload can be an"
                        + " instance of: " + type + " [constant: " + member + "]; name a class or an interface,"
                        + " wrapping an array in a record if need be"));
                return null;
        }
    }

    private boolean extendsEventEmitter(ClassInfo type) {
        for (DotName superInterface : type.interfaceNames()) {
            if (superInterface.equals(EVENT_EMITTER)) {
                return true;
            }
            ClassInfo superType = index.getClassByName(superInterface);
            if (superType != null && extendsEventEmitter(superType)) {
                return true;
            }
        }
        return false;
    }

    private void checkOnlyEmitterMethods(ClassInfo type) {
        ClassInfo emitter = index.getClassByName(EVENT_EMITTER);
        for (MethodInfo method : type.methods()) {
            boolean isAbstract = Modifier.isAbstract(method.flags()) && !method.isStaticInitializer();
            if (isAbstract && (emitter == null || emitter.method(method.name(), method.parameterTypes()) == null)) {
                problems.accept(new InvalidDeclarationException("An @EventModule interface that extends EventEmitter"
                        + " declares a method its generated emitter cannot implement: " + type.name() + "#"
                        + method.name() + "(); make it a default method, or move it to another type"));
            }
        }
    }

    private static Map<String, Object> constantValues(DotName type) {
        byte[] classFile = ClassFiles.read(type);
        if (classFile == null) {
            throw new IllegalStateException("Cannot read the class file of " + type);
        }
        Map<String, Object> values = new HashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                if (value != null) {
                    values.put(name, value);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return values;
    }
}
