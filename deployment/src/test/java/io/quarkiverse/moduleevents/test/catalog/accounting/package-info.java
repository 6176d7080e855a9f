/**
 * A module that only receives, named by its package.
 */
@EventModule("billing")
package io.quarkiverse.moduleevents.test.catalog.accounting;

import io.quarkiverse.moduleevents.EventModule;
