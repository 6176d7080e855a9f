package io.quarkiverse.moduleevents.it.audit;

/**
 * One event as the audit log saw it.
 */
record AuditEntry(String event, String payload) {
}
