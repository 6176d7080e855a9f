package io.quarkiverse.moduleevents.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of Module Events.
 */
@ConfigMapping(prefix = "quarkus.module-events")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface ModuleEventsBuildTimeConfig {

    String DEFAULT_NAME_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*:[a-z0-9]+(-[a-z0-9]+)*:[a-z0-9]+(-[a-z0-9]+)*";

    /**
     * The pattern every declared event name must match, as a Java regular expression matched against the whole name.
     * The default accepts {@code <module>:<context>:<action>}: three segments of lower-case letters and digits, joined by
     * single hyphens inside a segment, for example `user:account-primary-email:changed`. Whatever the pattern, the
     * first segment of a name (up to the first `:`) must be the declaring module's name.
     */
    @WithDefault(DEFAULT_NAME_PATTERN)
    String namePattern();

    /**
     * What the build does about declared events that nothing sends and nothing receives: `warn` logs them, `fail`
     * fails the build, `ignore` says nothing. Only calls of an emitter with a constant name count as sending.
     */
    @WithDefault("warn")
    UnusedEvents unused();

    /**
     * What to do about unused events.
     */
    enum UnusedEvents {
        /** log a warning that lists them */
        WARN,
        /** fail the build */
        FAIL,
        /** say nothing */
        IGNORE
    }
}
