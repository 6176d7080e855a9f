package io.quarkiverse.moduleevents.outbox.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.moduleevents.outbox.runtime.DurableRecordRows.DurableRecord;

/**
 * Splits a claimed batch of records into lanes that may be delivered at the same time: the records of one receiver and
 * one subject form one lane, in the order they were claimed (the order of writing); a record without a subject is a
 * lane of its own, as such records are not ordered.
 */
final class DeliveryLanes {

    private DeliveryLanes() {
    }

    /**
     * @return the lanes, each in claim order, the lanes in the order of their first record
     */
    static List<List<DurableRecord>> of(List<DurableRecord> records) {
        List<List<DurableRecord>> lanes = new ArrayList<>();
        Map<String, List<DurableRecord>> bySubject = new LinkedHashMap<>();
        for (DurableRecord record : records) {
            String subject = record.event().subject();
            if (subject == null) {
                lanes.add(List.of(record));
            } else {
                bySubject.computeIfAbsent(record.receiver() + "#" + subject, key -> {
                    List<DurableRecord> lane = new ArrayList<>();
                    lanes.add(lane);
                    return lane;
                }).add(record);
            }
        }
        return lanes;
    }
}
