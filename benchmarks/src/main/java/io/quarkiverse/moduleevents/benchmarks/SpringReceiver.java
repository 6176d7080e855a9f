package io.quarkiverse.moduleevents.benchmarks;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * A Spring listener of {@link Tick} payloads, registered once per observer; Spring wraps a plain object in a
 * {@link PayloadApplicationEvent}, as {@code ApplicationEventPublisher.publishEvent(Object)} does.
 */
public class SpringReceiver implements ApplicationListener<PayloadApplicationEvent<Tick>> {

    long seen;

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<Tick> event) {
        seen += event.getPayload().id();
    }
}
