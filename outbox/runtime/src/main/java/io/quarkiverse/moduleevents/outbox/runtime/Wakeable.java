package io.quarkiverse.moduleevents.outbox.runtime;

/**
 * A worker of the outbox that a commit which wrote rows for it wakes, so that it looks for them now rather than at its
 * next poll.
 */
interface Wakeable {

    /**
     * Makes the worker look for rows now.
     */
    void wake();
}
