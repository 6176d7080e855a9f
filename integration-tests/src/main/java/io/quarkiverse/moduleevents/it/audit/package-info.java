/**
 * The audit module only receives: it declares no events, so its package names it.
 */
@EventModule("audit")
package io.quarkiverse.moduleevents.it.audit;

import io.quarkiverse.moduleevents.EventModule;
