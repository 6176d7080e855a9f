package io.quarkiverse.moduleevents.faultinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The {@link Checker}'s classification on made-up observations, no server: each category counts what it claims, so a
 * scenario that asserts it cannot pass vacuously.
 */
class CheckerTest {

    private final Set<String> committed = new HashSet<>();
    private final Set<String> deadInOutbox = new HashSet<>();
    private final Map<String, Integer> deliveries = new HashMap<>();
    private final List<Broker.Published> published = new ArrayList<>();
    private final List<String> deadLetters = new ArrayList<>();
    private final Map<String, Integer> effects = new HashMap<>();
    private final Map<String, String> deadRecords = new HashMap<>();

    @Test
    void anIdCommittedProcessedOncePublishedOnceIsDeliveredAndNothingElse() {
        committedPublishedProcessed("a-1");

        Checker.Result result = classify("a-1");

        assertEquals(1, result.attempted());
        assertEquals(1, result.committed());
        assertEquals(1, result.delivered());
        assertEquals(0, result.lost() + result.brokerDuplicates() + result.sameCloudEventTwice()
                + result.receiverDuplicates() + result.deadLettered() + result.dead() + result.phantoms()
                + result.withoutCloudEventId());
        assertEquals(1, result.messagesOnBroker());
    }

    @Test
    void committedButOnlyOnTheBrokerIsLost() {
        committedPublishedProcessed("a-1");
        committed.add("a-2");
        published.add(message("ce-2", "a-2"));

        Checker.Result result = classify("a-1", "a-2");

        assertEquals(2, result.committed());
        assertEquals(1, result.delivered());
        assertEquals(1, result.lost());
        assertEquals(Set.of("a-2"), result.lostIds());
    }

    @Test
    void committedAndNowhereElseIsLost() {
        committed.add("a-1");

        Checker.Result result = classify("a-1");

        assertEquals(Set.of("a-1"), result.lostIds());
        assertEquals(0, result.messagesOnBroker());
    }

    @Test
    void processedButNeverCommittedIsAPhantom() {
        deliveries.put("a-1", 1);

        Checker.Result result = classify("a-1");

        assertEquals(0, result.committed());
        assertEquals(0, result.delivered());
        assertEquals(1, result.phantoms());
        assertEquals(Set.of("a-1"), result.phantomIds());
    }

    @Test
    void onTheBrokerButNeverCommittedIsAPhantom() {
        published.add(message("ce-1", "a-1"));

        assertEquals(Set.of("a-1"), classify("a-1").phantomIds());
    }

    @Test
    void oneCloudEventSentTwiceIsCountedAsBothDuplicates() {
        committedPublishedProcessed("a-1");
        published.add(message("ce-a-1", "a-1"));
        committedPublishedProcessed("a-2");

        Checker.Result result = classify("a-1", "a-2");

        assertEquals(1, result.sameCloudEventTwice());
        assertEquals(1, result.brokerDuplicates());
        assertEquals(0, result.receiverDuplicates(), "the consumer processed it once: only the broker has it twice");
        assertEquals(3, result.messagesOnBroker());
        assertEquals(2, result.delivered());
    }

    @Test
    void twoCloudEventsForOneIdAreABrokerDuplicateButNotTheSameEventTwice() {
        committedPublishedProcessed("a-1");
        published.add(message("ce-other", "a-1"));

        Checker.Result result = classify("a-1");

        assertEquals(1, result.brokerDuplicates());
        assertEquals(0, result.sameCloudEventTwice());
    }

    @Test
    void anIdProcessedTwiceIsAReceiverDuplicate() {
        committedPublishedProcessed("a-1");
        deliveries.put("a-1", 2);

        Checker.Result result = classify("a-1");

        assertEquals(1, result.receiverDuplicates());
        assertEquals(1, result.delivered());
    }

    @Test
    void aMessageWithoutCloudEventsIdIsCountedAndNotTakenForADuplicate() {
        committed.add("a-1");
        committed.add("a-2");
        published.add(message(null, "a-1"));
        published.add(message(null, "a-2"));

        Checker.Result result = classify("a-1", "a-2");

        assertEquals(2, result.withoutCloudEventId());
        assertEquals(0, result.sameCloudEventTwice());
    }

    @Test
    void aDeadRowForAnotherIdExcusesNothing() {
        committed.add("a-1");
        committed.add("a-2");
        deadInOutbox.add("a-1");

        Checker.Result result = classify("a-1", "a-2");

        assertEquals(Set.of("a-1"), result.deadIds());
        assertEquals(Set.of("a-2"), result.lostIds());
    }

    @Test
    void aDeadLetterForAnotherIdExcusesNothing() {
        committed.add("a-1");
        committed.add("a-2");
        published.add(message("ce-1", "a-1"));
        published.add(message("ce-2", "a-2"));
        deadLetters.add(body("a-1"));

        Checker.Result result = classify("a-1", "a-2");

        assertEquals(Set.of("a-1"), result.deadLetteredIds());
        assertEquals(Set.of("a-2"), result.lostIds());
    }

    @Test
    void aProcessedIdIsDeliveredEvenWhenItWasAlsoDeadLetteredOrDead() {
        committedPublishedProcessed("a-1");
        deadLetters.add(body("a-1"));
        deadInOutbox.add("a-1");

        Checker.Result result = classify("a-1");

        assertEquals(1, result.delivered());
        assertEquals(Set.of(), result.deadLetteredIds());
        assertEquals(Set.of(), result.deadIds());
    }

    @Test
    void idsNotAttemptedAreIgnoredAndAttemptedIdsCountOnce() {
        committedPublishedProcessed("a-1");
        committedPublishedProcessed("other-1");

        Checker.Result result = classify("a-1", "a-1");

        assertEquals(1, result.attempted());
        assertEquals(1, result.committed());
        assertEquals(2, result.messagesOnBroker());
    }

    @Test
    void theBusinessIdIsReadFromJsonAndFromByteaHex() {
        assertEquals("a-1", Checker.businessId(body("a-1")));
        String hex = "\\\\x" + java.util.HexFormat.of().formatHex(body("a-2").getBytes());
        assertEquals("a-2", Checker.businessId("{\"payload\":\"" + hex + "\"}"));
        assertNull(Checker.businessId("{\"other\":1}"));
    }

    @Test
    void aCommittedIdWithOneEffectIsDeliveredAndNothingElse() {
        committed.add("d-1");
        effects.put("d-1", 1);

        Checker.EffectsResult result = classifyEffects("d-1");

        assertEquals(1, result.attempted());
        assertEquals(1, result.committed());
        assertEquals(1, result.delivered());
        assertEquals(Set.of(), result.lostIds());
        assertEquals(Set.of(), result.duplicatedIds());
        assertEquals(Map.of(), result.deadIds());
        assertEquals(Set.of(), result.phantomIds());
        assertEquals(1, result.effectRows());
    }

    @Test
    void aCommittedIdWithoutEffectIsLost() {
        committed.add("d-1");
        committed.add("d-2");
        effects.put("d-1", 1);

        Checker.EffectsResult result = classifyEffects("d-1", "d-2");

        assertEquals(1, result.delivered());
        assertEquals(Set.of("d-2"), result.lostIds());
    }

    @Test
    void twoEffectRowsOfOneIdAreADuplicatedEffectOfADeliveredId() {
        committed.add("d-1");
        effects.put("d-1", 2);

        Checker.EffectsResult result = classifyEffects("d-1");

        assertEquals(Set.of("d-1"), result.duplicatedIds());
        assertEquals(1, result.delivered());
        assertEquals(Set.of(), result.lostIds());
        assertEquals(2, result.effectRows());
    }

    @Test
    void anEffectOfAnIdNeverCommittedIsAPhantom() {
        effects.put("d-1", 1);

        Checker.EffectsResult result = classifyEffects("d-1");

        assertEquals(0, result.committed());
        assertEquals(0, result.delivered());
        assertEquals(Set.of("d-1"), result.phantomIds());
    }

    @Test
    void aDeadRecordExcusesOnlyItsOwnIdAndKeepsItsLastError() {
        committed.add("d-1");
        committed.add("d-2");
        deadRecords.put("d-1", "java.lang.IllegalStateException: poison");

        Checker.EffectsResult result = classifyEffects("d-1", "d-2");

        assertEquals(Map.of("d-1", "java.lang.IllegalStateException: poison"), result.deadIds());
        assertEquals(Set.of("d-2"), result.lostIds());
    }

    @Test
    void anIdWithAnEffectIsDeliveredEvenWithADeadRecord() {
        committed.add("d-1");
        effects.put("d-1", 1);
        deadRecords.put("d-1", "failed");

        Checker.EffectsResult result = classifyEffects("d-1");

        assertEquals(1, result.delivered());
        assertEquals(Map.of(), result.deadIds());
    }

    @Test
    void effectsOfIdsNotAttemptedAreIgnoredButCountAsRows() {
        committed.add("d-1");
        effects.put("d-1", 1);
        effects.put("other-1", 1);

        Checker.EffectsResult result = classifyEffects("d-1", "d-1");

        assertEquals(1, result.attempted());
        assertEquals(1, result.delivered());
        assertEquals(Set.of(), result.phantomIds());
        assertEquals(2, result.effectRows());
    }

    private Checker.EffectsResult classifyEffects(String... attempted) {
        return Checker.classifyEffects("synthetic", "durable", List.of(attempted),
                new Checker.EffectsObserved(committed, effects, deadRecords), 0, 0);
    }

    private void committedPublishedProcessed(String id) {
        committed.add(id);
        published.add(message("ce-" + id, id));
        deliveries.put(id, 1);
    }

    private Checker.Result classify(String... attempted) {
        return Checker.classify("synthetic", List.of(attempted),
                new Checker.Observed(committed, deadInOutbox, deliveries, published, deadLetters), 0, 0);
    }

    private static Broker.Published message(String cloudEventId, String businessId) {
        return new Broker.Published(cloudEventId, body(businessId));
    }

    private static String body(String businessId) {
        return "{\"businessId\":\"" + businessId + "\",\"sequence\":1,\"instance\":\"p\",\"padding\":\"\"}";
    }
}
