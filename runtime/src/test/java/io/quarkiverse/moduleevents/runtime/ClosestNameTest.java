package io.quarkiverse.moduleevents.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClosestNameTest {

    @Test
    void theCandidateWithTheSmallestEditDistanceIsTheClosest() {
        assertEquals("user:emails:created", ClosestName.of("user:email:created",
                List.of("order:created", "user:deleted", "user:emails:created")));
    }

    @Test
    void anExactMatchIsClosestOfAll() {
        assertEquals("user:created", ClosestName.of("user:created", List.of("user:created2", "user:created")));
    }

    @Test
    void ofEquallyCloseCandidatesTheFirstWins() {
        assertEquals("bat", ClosestName.of("cat", List.of("bat", "hat")));
        assertEquals("hat", ClosestName.of("cat", List.of("hat", "bat")));
    }

    @Test
    void noCandidatesGiveNoClosestName() {
        assertNull(ClosestName.of("user:created", List.of()));
    }

    @Test
    void aCandidateDifferingInHalfOfItsCharactersIsStillClosest() {
        assertEquals("abxy", ClosestName.of("abcd", List.of("abxy")));
        assertEquals("abcxy", ClosestName.of("abcde", List.of("abcxy")));
    }

    @Test
    void aCandidateDifferingInMoreThanHalfOfItsCharactersIsNoHint() {
        assertNull(ClosestName.of("abcd", List.of("axyz")));
        assertNull(ClosestName.of("abcde", List.of("abxyz")));
        assertNull(ClosestName.of("a", List.of("b")));
        assertNull(ClosestName.of("user:created", List.of("order:shipped")));
    }

    @Test
    void theThresholdIsHalfOfTheLongerOfTheTwoNames() {
        assertEquals("abcd", ClosestName.of("ab", List.of("abcd")));
        assertEquals("ab", ClosestName.of("abcd", List.of("ab")));
        assertNull(ClosestName.of("a", List.of("abcd")));
    }

    @Test
    void anEmptyNameIsCloseOnlyToAnEmptyCandidate() {
        assertNull(ClosestName.of("", List.of("a")));
        assertEquals("", ClosestName.of("", List.of("a", "")));
    }

    @Test
    void rankedListsTheCandidatesClosestFirst() {
        assertEquals(List.of("user:created2", "user:deleted", "order:shipped"),
                ClosestName.ranked("user:created", List.of("order:shipped", "user:deleted", "user:created2"), 3));
    }

    @Test
    void rankedKeepsAtMostTheLimit() {
        List<String> candidates = List.of("order:shipped", "user:deleted", "user:created2");
        assertEquals(List.of("user:created2", "user:deleted"), ClosestName.ranked("user:created", candidates, 2));
        assertEquals(List.of(), ClosestName.ranked("user:created", candidates, 0));
        assertEquals(3, ClosestName.ranked("user:created", candidates, 10).size());
    }

    @Test
    void rankedKeepsTheCandidatesOrderForTies() {
        assertEquals(List.of("hat", "bat", "cot"), ClosestName.ranked("cat", List.of("hat", "bat", "cot"), 3));
    }

    @Test
    void rankedAppliesNoDistanceThreshold() {
        assertEquals(List.of("xyz"), ClosestName.ranked("a", List.of("xyz"), 1));
    }

    @Test
    void rankedLeavesTheCandidatesUntouched() {
        List<String> candidates = new ArrayList<>(List.of("order:shipped", "user:created2"));
        ClosestName.ranked("user:created", candidates, 2);
        assertEquals(List.of("order:shipped", "user:created2"), candidates);
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, ClosestName.editDistance("created", "created"));
        assertEquals(1, ClosestName.editDistance("email", "emails"));
        assertEquals(1, ClosestName.editDistance("emails", "email"));
        assertEquals(1, ClosestName.editDistance("email", "emaim"));
        assertEquals(3, ClosestName.editDistance("kitten", "sitting"));
        assertEquals(3, ClosestName.editDistance("sitting", "kitten"));
    }

    @Test
    void editDistanceFromAnEmptyNameIsTheOtherNamesLength() {
        assertEquals(5, ClosestName.editDistance("", "email"));
        assertEquals(5, ClosestName.editDistance("email", ""));
        assertEquals(0, ClosestName.editDistance("", ""));
    }

    @Test
    void editDistanceCountsASwapOfNeighboursAsTwoEdits() {
        assertEquals(2, ClosestName.editDistance("ab", "ba"));
    }
}
