package io.quarkiverse.moduleevents.deployment;

import java.util.List;
import java.util.Set;

import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import io.quarkus.arc.processor.ObserverInfo;

/**
 * The declared events that an observer method receives, resolved as the catalog resolves them: the event of its exact
 * {@code @Named}, those its pattern matches, those of its {@code @EventModule}, or, without these qualifiers, every
 * event whose payload its observed type can receive. For sibling extensions that check their own receivers.
 */
public final class ReceivedEvents {

    private final DeclaredEventsBuildItem declared;
    private final PayloadTypes payloadTypes;
    private final Set<DotName> firedWith;

    /**
     * @param index an index that can also see JDK and library types (the combined index's computing view)
     * @param firedWith qualifiers that a sibling extension adds to the module events it fires, such as the bridge's
     *        {@code @Remote}: an observer that requires one of them still receives those events
     */
    public ReceivedEvents(DeclaredEventsBuildItem declared, IndexView index, Set<DotName> firedWith) {
        this.declared = declared;
        this.payloadTypes = new PayloadTypes(index);
        this.firedWith = Set.copyOf(firedWith);
    }

    /**
     * @return the events the observer receives, sorted by name
     */
    public List<DeclaredEvent> of(ObserverInfo observer) {
        ModuleEventObserver observed = new ModuleEventObserver(observer, firedWith);
        return declared.eventNames().stream().map(declared::event)
                .filter(event -> observed.canReceive(event, payloadTypes)).toList();
    }
}
