package io.quarkiverse.moduleevents.it.user;

/**
 * One declared event of the user module and whether any receiver would get it.
 */
record EventView(String key, String name, boolean received) {
}
