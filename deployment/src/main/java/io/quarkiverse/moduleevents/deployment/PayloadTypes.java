package io.quarkiverse.moduleevents.deployment;

import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.OBJECT;

import java.lang.reflect.Modifier;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;

/**
 * Decides whether an observed type can ever receive a payload of a declared type, that is whether some runtime type
 * of the payload is assignable to it.
 */
final class PayloadTypes {

    private final IndexView index;

    /**
     * @param index an index that can also see JDK and library types (the combined index's computing view)
     */
    PayloadTypes(IndexView index) {
        this.index = index;
    }

    /**
     * @param observedType the type an observer method observes
     * @param payloadType the event's declared payload type, {@code null} for any object
     * @return {@code false} only when no instance of the payload type can be an instance of the observed type
     */
    boolean canReceive(Type observedType, DotName payloadType) {
        DotName observed = rawName(observedType);
        if (payloadType == null || observed == null || observed.equals(OBJECT) || observed.equals(payloadType)) {
            return true;
        }
        if (isSubtype(payloadType, observed) || isSubtype(observed, payloadType)) {
            return true;
        }
        ClassInfo observedClass = index.getClassByName(observed);
        ClassInfo payloadClass = index.getClassByName(payloadType);
        if (observedClass == null || payloadClass == null) {
            return true;
        }
        boolean observedInterface = Modifier.isInterface(observedClass.flags());
        boolean payloadInterface = Modifier.isInterface(payloadClass.flags());
        if (observedInterface == payloadInterface) {
            // two unrelated classes never share an instance; two interfaces can be implemented by one class
            return observedInterface;
        }
        // an instance of a subclass of the class may implement the interface, unless the class is final
        ClassInfo theClass = observedInterface ? payloadClass : observedClass;
        return !Modifier.isFinal(theClass.flags());
    }

    private static DotName rawName(Type type) {
        switch (type.kind()) {
            case CLASS:
            case PARAMETERIZED_TYPE:
                return type.name();
            case PRIMITIVE:
                return PrimitiveType.box(type.asPrimitiveType()).name();
            default:
                return null;
        }
    }

    private boolean isSubtype(DotName type, DotName superType) {
        if (type.equals(superType)) {
            return true;
        }
        ClassInfo info = index.getClassByName(type);
        if (info == null) {
            return false;
        }
        if (info.superName() != null && isSubtype(info.superName(), superType)) {
            return true;
        }
        for (DotName superInterface : info.interfaceNames()) {
            if (isSubtype(superInterface, superType)) {
                return true;
            }
        }
        return false;
    }
}
