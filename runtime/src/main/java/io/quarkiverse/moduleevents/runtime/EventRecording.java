package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.util.List;

import io.quarkiverse.moduleevents.spi.ReceiverRecorder;

/**
 * The recording of the receivers of one event name that a sibling extension's {@link ReceiverRecorder} delivers
 * later, which the emitter calls after the {@link EventForwarding} and before the name's local receivers.
 */
final class EventRecording {

    /** the recorder as the receiver lists of the dev and test tooling and {@code ReceiverFailure} name it */
    final String receiverName;
    private final ReceiverRecorder recorder;
    private final String module;
    private final String name;
    private final List<String> receivers;
    private final List<Annotation> additionalQualifiers;

    EventRecording(ReceiverRecorder recorder, String module, String name, List<String> receivers,
            List<Annotation> additionalQualifiers) {
        this.receiverName = recorder.getClass().getName() + "#record";
        this.recorder = recorder;
        this.module = module;
        this.name = name;
        this.receivers = List.copyOf(receivers);
        this.additionalQualifiers = List.copyOf(additionalQualifiers);
    }

    void record(Object payload) {
        recorder.record(module, name, payload, receivers, additionalQualifiers);
    }
}
