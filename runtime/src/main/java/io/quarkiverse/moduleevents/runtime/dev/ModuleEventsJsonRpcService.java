package io.quarkiverse.moduleevents.runtime.dev;

import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;

/**
 * The data source of the Dev UI's live page: the last events sent in dev mode.
 */
public class ModuleEventsJsonRpcService {

    public List<DevSentEventLog.SentEvent> getSentEvents() {
        InstanceHandle<DevSentEventLog> log = Arc.container().instance(DevSentEventLog.class);
        return log.isAvailable() ? log.get().events() : List.of();
    }

    public boolean clearSentEvents() {
        InstanceHandle<DevSentEventLog> log = Arc.container().instance(DevSentEventLog.class);
        if (log.isAvailable()) {
            log.get().clear();
        }
        return true;
    }
}
