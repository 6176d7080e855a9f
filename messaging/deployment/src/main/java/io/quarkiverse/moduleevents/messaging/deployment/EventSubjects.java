package io.quarkiverse.moduleevents.messaging.deployment;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.moduleevents.messaging.EventSubject;
import io.quarkiverse.moduleevents.messaging.deployment.ModuleEventsMessagingDeploymentException.AmbiguousEventSubjectException;

/**
 * Finds the JSON property of a payload type's {@code @EventSubject} member. The bridge reads the subject from the
 * payload's JSON tree, which it builds anyway, so no accessor is called by reflection. A type with more than one such
 * member is reported once, however many bridged events carry it. The outbox reads the subjects of its durable
 * receivers' records the same way.
 */
public final class EventSubjects {

    private static final DotName EVENT_SUBJECT = DotName.createSimple(EventSubject.class);
    private static final DotName JSON_PROPERTY = DotName.createSimple(JsonProperty.class);

    private final IndexView index;
    private final Consumer<ModuleEventsMessagingDeploymentException> problems;
    private final Map<DotName, Optional<String>> properties = new HashMap<>();

    public EventSubjects(IndexView index, Consumer<ModuleEventsMessagingDeploymentException> problems) {
        this.index = index;
        this.problems = problems;
    }

    /**
     * @return the JSON property of the type's (or a superclass's) {@code @EventSubject} member, {@code null} when it has
     *         none
     */
    public String propertyOf(DotName payloadType) {
        return properties.computeIfAbsent(payloadType, type -> Optional.ofNullable(find(type))).orElse(null);
    }

    private String find(DotName payloadType) {
        // a record component annotated once appears as its field and its accessor, both of one property
        Map<String, String> membersByProperty = new TreeMap<>();
        for (ClassInfo type = index.getClassByName(payloadType); type != null; type = superclass(type)) {
            for (AnnotationInstance subject : type.annotations(EVENT_SUBJECT)) {
                AnnotationTarget member = subject.target();
                if (member.kind() == AnnotationTarget.Kind.FIELD || member.kind() == AnnotationTarget.Kind.METHOD) {
                    membersByProperty.putIfAbsent(property(type, member), type.name() + "#" + memberName(member));
                }
            }
        }
        if (membersByProperty.size() > 1) {
            problems.accept(new AmbiguousEventSubjectException("Payload type has more than one @EventSubject member: "
                    + payloadType + " [members: " + String.join(", ", membersByProperty.values())
                    + "]; keep @EventSubject on the one member that identifies what the event is about"));
            return null;
        }
        return membersByProperty.isEmpty() ? null : membersByProperty.keySet().iterator().next();
    }

    private ClassInfo superclass(ClassInfo type) {
        return type.superName() == null ? null : index.getClassByName(type.superName());
    }

    private static String property(ClassInfo type, AnnotationTarget member) {
        AnnotationInstance jsonProperty = member.declaredAnnotation(JSON_PROPERTY);
        if (jsonProperty != null && jsonProperty.value() != null && !jsonProperty.value().asString().isEmpty()) {
            return jsonProperty.value().asString();
        }
        String name = memberName(member);
        if (member.kind() == AnnotationTarget.Kind.FIELD || type.isRecord()) {
            return name;
        }
        for (String prefix : new String[] { "get", "is" }) {
            if (name.length() > prefix.length() && name.startsWith(prefix)
                    && Character.isUpperCase(name.charAt(prefix.length()))) {
                return Character.toLowerCase(name.charAt(prefix.length())) + name.substring(prefix.length() + 1);
            }
        }
        return name;
    }

    private static String memberName(AnnotationTarget member) {
        return member.kind() == AnnotationTarget.Kind.FIELD ? member.asField().name() : member.asMethod().name();
    }
}
