package io.quarkiverse.moduleevents.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.quarkiverse.moduleevents.testsupport.ServiceProcess;

/**
 * The spans that services exported so far, read from their {@code /spans} endpoint (their in-memory span exporter),
 * each with the name of the service that exported it.
 */
final class ExportedSpans {

    private static final String NO_PARENT = "0000000000000000";

    private final List<Span> spans;

    private ExportedSpans(List<Span> spans) {
        this.spans = spans;
    }

    static ExportedSpans of(ServiceProcess... services) {
        List<Span> spans = new ArrayList<>();
        for (ServiceProcess service : services) {
            List<Map<String, Object>> exported = given().baseUri(service.url()).get("/spans").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            for (Map<String, Object> span : exported) {
                spans.add(Span.of(service.name(), span));
            }
        }
        return new ExportedSpans(spans);
    }

    static void forget(ServiceProcess service) {
        given().baseUri(service.url()).delete("/spans").then().statusCode(204);
    }

    /**
     * @return the HTTP server span of the request to {@code path}, which must have started a trace
     */
    Span request(ServiceProcess service, String path) {
        List<Span> requests = spans.stream().filter(span -> span.service().equals(service.name())
                && span.kind().equals("SERVER") && path.equals(span.attributes().get("url.path"))).toList();
        assertEquals(1, requests.size(), () -> "one server span of " + path + " in " + spans);
        Span request = requests.get(0);
        assertEquals(NO_PARENT, request.parentSpanId(), () -> "the request to " + path + " has a parent");
        return request;
    }

    /**
     * @return the span, {@code null} while the service has not exported it
     */
    Span span(ServiceProcess service, String spanId) {
        return spans.stream().filter(span -> span.service().equals(service.name()) && span.spanId().equals(spanId))
                .findFirst().orElse(null);
    }

    /**
     * @return the span, its parent, the parent's parent, and so on, in whichever service exported each, up to the first
     *         whose parent was not exported (or that has none)
     */
    List<Span> chain(Span span) {
        List<Span> chain = new ArrayList<>();
        for (Span next = span; next != null; next = parent(next)) {
            chain.add(next);
        }
        return chain;
    }

    /**
     * @return every span of the trace, in every service
     */
    List<Span> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private Span parent(Span span) {
        return spans.stream()
                .filter(candidate -> candidate.traceId().equals(span.traceId())
                        && candidate.spanId().equals(span.parentSpanId()))
                .findFirst().orElse(null);
    }

    /**
     * @param kind {@code SERVER}, {@code PRODUCER}, {@code CONSUMER}, ...
     */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
            Map<String, String> attributes) {

        @SuppressWarnings("unchecked")
        static Span of(String service, Map<String, Object> json) {
            return new Span(service, (String) json.get("traceId"), (String) json.get("spanId"),
                    (String) json.get("parentSpanId"), (String) json.get("name"), (String) json.get("kind"),
                    (Map<String, String>) Objects.requireNonNullElse(json.get("attributes"), Map.of()));
        }

        /** @return what the assertions compare: {@code <service> <kind> <name>} */
        String described() {
            return service + " " + kind + " " + name;
        }
    }
}
