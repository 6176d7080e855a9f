package io.quarkiverse.moduleevents.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Runs {@link UserResourceTest} against the packaged application, a jar or a native executable.
 */
@QuarkusIntegrationTest
class UserResourceIT extends UserResourceTest {
}
