package io.quarkiverse.moduleevents.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamePatternsTest {

    @Test
    void aValueWithASegmentAndAWildcardIsAPattern() {
        assertTrue(NamePatterns.isPattern("user:*:created"));
        assertTrue(NamePatterns.isPattern("*:created"));
        assertTrue(NamePatterns.isPattern("user:em*:created"));
    }

    @Test
    void aValueWithoutAWildcardOrWithoutASeparatorIsNoPattern() {
        assertFalse(NamePatterns.isPattern("user:email:created"));
        assertFalse(NamePatterns.isPattern("*"));
        assertFalse(NamePatterns.isPattern("user*"));
        assertFalse(NamePatterns.isPattern(""));
    }

    @Test
    void aPatternWhoseWildcardsAreWholeSegmentsIsWellFormed() {
        assertTrue(NamePatterns.isWellFormed("user:*:created"));
        assertTrue(NamePatterns.isWellFormed("*:*"));
        assertTrue(NamePatterns.isWellFormed("*"));
        assertTrue(NamePatterns.isWellFormed("user:email:created"));
    }

    @Test
    void aWildcardInsideASegmentIsMalformed() {
        assertFalse(NamePatterns.isWellFormed("user:em*:created"));
        assertFalse(NamePatterns.isWellFormed("user:*mail:created"));
        assertFalse(NamePatterns.isWellFormed("user:**:created"));
    }

    @Test
    void anEmptySegmentIsMalformed() {
        assertFalse(NamePatterns.isWellFormed("user::created"));
        assertFalse(NamePatterns.isWellFormed(":*:created"));
        assertFalse(NamePatterns.isWellFormed("user:*:"));
        assertFalse(NamePatterns.isWellFormed(""));
    }

    @Test
    void aWildcardMatchesAnySingleSegment() {
        assertTrue(NamePatterns.matches("user:*:created", "user:email:created"));
        assertTrue(NamePatterns.matches("user:*:created", "user:phone:created"));
        assertTrue(NamePatterns.matches("*:created", "order:created"));
        assertTrue(NamePatterns.matches("*:*", "order:created"));
    }

    @Test
    void theOtherSegmentsMustBeEqual() {
        assertFalse(NamePatterns.matches("user:*:created", "user:email:deleted"));
        assertFalse(NamePatterns.matches("user:*:created", "order:email:created"));
        assertFalse(NamePatterns.matches("user:*:created", "User:email:created"));
    }

    @Test
    void aWildcardNeverStandsForMoreOrFewerThanOneSegment() {
        assertFalse(NamePatterns.matches("user:*", "user:email:created"));
        assertFalse(NamePatterns.matches("user:*:created", "user:created"));
        assertFalse(NamePatterns.matches("user:*:created", "user:email:phone:created"));
        assertFalse(NamePatterns.matches("*", "user:created"));
    }

    @Test
    void aPatternWithoutWildcardsMatchesOnlyItself() {
        assertTrue(NamePatterns.matches("user:email:created", "user:email:created"));
        assertFalse(NamePatterns.matches("user:email:created", "user:emails:created"));
    }

    @Test
    void aWildcardInTheNameIsNoWildcard() {
        assertFalse(NamePatterns.matches("user:email:created", "user:*:created"));
    }
}
