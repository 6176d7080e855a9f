package io.quarkiverse.moduleevents.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Runs {@link ObservabilityTest} against the packaged application, a jar or a native executable.
 */
@QuarkusIntegrationTest
class ObservabilityIT extends ObservabilityTest {
}
