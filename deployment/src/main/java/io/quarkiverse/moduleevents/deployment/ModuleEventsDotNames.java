package io.quarkiverse.moduleevents.deployment;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Named;

import org.jboss.jandex.DotName;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.runtime.NamePattern;

final class ModuleEventsDotNames {

    static final DotName EVENT_MODULE = DotName.createSimple(EventModule.class);
    static final DotName PAYLOAD = DotName.createSimple(Payload.class);
    static final DotName EVENT_EMITTER = DotName.createSimple(EventEmitter.class);
    static final DotName NAMED = DotName.createSimple(Named.class);
    static final DotName NAME_PATTERN = DotName.createSimple(NamePattern.class);
    static final DotName OBSERVES = DotName.createSimple(Observes.class);
    static final DotName OBSERVES_ASYNC = DotName.createSimple(ObservesAsync.class);
    static final DotName ANY = DotName.createSimple(Any.class);
    static final DotName STRING = DotName.createSimple(String.class);
    static final DotName OBJECT = DotName.createSimple(Object.class);

    private ModuleEventsDotNames() {
    }
}
