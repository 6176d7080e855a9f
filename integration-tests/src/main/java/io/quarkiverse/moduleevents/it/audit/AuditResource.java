package io.quarkiverse.moduleevents.it.audit;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/audit")
class AuditResource {

    private final AuditLog log;

    AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    public List<AuditEntry> entries() {
        return log.entries();
    }
}
