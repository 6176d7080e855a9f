package io.quarkiverse.moduleevents.runtime;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.util.TypeLiteral;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

@Recorder
public class ModuleEventsRecorder {

    private static final TypeLiteral<Event<Object>> EVENT_OF_OBJECT = new TypeLiteral<>() {
    };

    public RuntimeValue<EventDirectory> directory(List<ModuleDefinition> modules) {
        return new RuntimeValue<>(new EventDirectory(modules));
    }

    /**
     * @param listened whether a {@link SendListener} bean exists (test and dev mode) and the emitter tells it
     */
    public Function<SyntheticCreationalContext<EventEmitter>, EventEmitter> emitter(
            RuntimeValue<EventDirectory> directory, String module, boolean listened) {
        return context -> new ModuleEventEmitter(directory.getValue(), module,
                context.getInjectedReference(EVENT_OF_OBJECT, Any.Literal.INSTANCE),
                context.getInjectedReference(BeanManager.class),
                listened ? context.getInjectedReference(SendListener.class) : null);
    }
}
