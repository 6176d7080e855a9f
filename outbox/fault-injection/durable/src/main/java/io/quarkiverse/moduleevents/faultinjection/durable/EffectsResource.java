package io.quarkiverse.moduleevents.faultinjection.durable;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** {@code GET /effects}: how often the durable receiver threw on request, per business id, since the process started. */
@Path("/effects")
public class EffectsResource {

    private final Effects effects;

    EffectsResource(Effects effects) {
        this.effects = effects;
    }

    @GET
    public State state() {
        return new State(effects.failuresOnRequest());
    }

    public record State(Map<String, Long> failuresOnRequest) {
    }
}
