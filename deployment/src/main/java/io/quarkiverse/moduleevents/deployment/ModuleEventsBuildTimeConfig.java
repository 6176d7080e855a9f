package io.quarkiverse.moduleevents.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
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
     * What the build does about a class of one module that uses, of another module, anything but its `@EventModule`
     * interface and the payload types of its events (and the types those payloads expose): `warn` logs each such
     * reference, `fail` fails the build, `ignore` does not look for them (and the catalog then lists no direct
     * dependencies).
     */
    @WithDefault("warn")
    Boundaries boundaries();

    /**
     * The contracts of the events this application exchanges with other services over broker channels.
     */
    ContractConfig contract();

    /**
     * The modules, by name, where their code is not all in the package of their `@EventModule` interface.
     */
    @ConfigDocMapKey("module")
    Map<String, ModuleConfig> modules();

    /**
     * Where a module's code lives.
     */
    interface ModuleConfig {

        /**
         * Packages whose classes, and those of their subpackages, belong to the module, besides the package of its
         * `@EventModule` interface, such as `com.acme.user.persistence`. The module must be declared, by an
         * `@EventModule` interface or package.
         */
        Optional<List<String>> packages();
    }

    /**
     * How the build checks the events it exchanges with other services against those of a release already deployed.
     */
    interface ContractConfig {

        /**
         * The `catalog.json` that the build of a release already deployed wrote (`target/module-events/catalog.json`),
         * committed with the sources, such as `src/main/contract/catalog.json`; a relative path is resolved against the
         * module's directory (the one that holds `target`). When set, the build compares every event that goes out on
         * or comes in from a broker channel with it, and reports each change that breaks a service already deployed.
         */
        Optional<String> baseline();

        /**
         * What the build does about a change that breaks a service already deployed: `fail` fails the build, `warn`
         * logs it.
         */
        @WithDefault("fail")
        ContractCheck check();
    }

    /**
     * What to do about a breaking change to a bridged event.
     */
    enum ContractCheck {
        /** fail the build */
        FAIL,
        /** log a warning that lists them */
        WARN
    }

    /**
     * What to do about references that cross a module boundary.
     */
    enum Boundaries {
        /** log a warning that lists them */
        WARN,
        /** fail the build */
        FAIL,
        /** do not look for them */
        IGNORE
    }

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
