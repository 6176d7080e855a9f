/**
 * Names a module with a value that is not one name segment, for InvalidPackageModuleNameTest.
 */
@EventModule("billing:invoices")
package io.quarkiverse.moduleevents.test.badpackage;

import io.quarkiverse.moduleevents.EventModule;
