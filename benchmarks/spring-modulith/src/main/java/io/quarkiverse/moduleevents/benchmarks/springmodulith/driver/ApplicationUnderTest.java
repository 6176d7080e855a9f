package io.quarkiverse.moduleevents.benchmarks.springmodulith.driver;

import java.util.List;

/**
 * An application the driver measures: how to start it and in which configurations. It serves the HTTP contract of
 * the README ({@code POST /orders}, {@code GET /effects/summary}) and reads its database, port, listener and crash
 * point from the contract's environment variables.
 */
interface ApplicationUnderTest {

    String name();

    List<String> command();

    List<Case> cases();
}
