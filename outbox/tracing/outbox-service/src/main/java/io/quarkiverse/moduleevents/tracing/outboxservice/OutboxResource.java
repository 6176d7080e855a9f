package io.quarkiverse.moduleevents.tracing.outboxservice;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.moduleevents.outbox.OutboxAdmin;
import io.quarkiverse.moduleevents.outbox.OutboxCounts;

@Path("/outbox")
public class OutboxResource {

    private final OutboxAdmin admin;

    OutboxResource(OutboxAdmin admin) {
        this.admin = admin;
    }

    /**
     * @return the outbox's rows by status, {@code failing} the pending ones whose send failed before
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public OutboxCounts counts() {
        return admin.counts();
    }
}
