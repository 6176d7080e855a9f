package io.quarkiverse.moduleevents.messaging.it;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messages another service might send to {@code user-in} that the bridge must reject: every binary one carries the
 * four required CloudEvents attributes and an account as JSON, and one attribute that is wrong; the structured one
 * has a body that is no JSON at all. Each subclass of {@link BridgeContract} puts them on the wire as its broker's
 * binding does.
 */
enum MalformedCloudEvent {

    TIME_NOT_RFC_3339("time", "time", "yesterday"),
    SOURCE_NOT_A_URI_REFERENCE("source", "source", "not a uri {}"),
    DATASCHEMA_NOT_A_URI_REFERENCE("dataschema", "dataschema", "not a uri {}"),
    SPECVERSION_0_3("specversion", "specversion", "0.3"),
    DATACONTENTTYPE_NOT_JSON("datacontenttype", "datacontenttype", "text/plain"),
    STRUCTURED_BODY_NOT_JSON("structured-mode body", null, null);

    /** what the rejection's reason must name */
    final String attribute;
    private final String wrongAttribute;
    private final String wrongValue;

    MalformedCloudEvent(String attribute, String wrongAttribute, String wrongValue) {
        this.attribute = attribute;
        this.wrongAttribute = wrongAttribute;
        this.wrongValue = wrongValue;
    }

    boolean structured() {
        return wrongAttribute == null;
    }

    /**
     * The attributes that travel as headers or properties, without the binding's prefix; {@code datacontenttype}
     * travels as the message's content type.
     */
    Map<String, String> attributes(String id) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (structured()) {
            return attributes;
        }
        attributes.put("specversion", "1.0");
        attributes.put("id", id);
        attributes.put("source", "/mail-service/mail");
        attributes.put("type", UserEvents.ACCOUNT_CREATED);
        attributes.put("time", OffsetDateTime.now().toString());
        if (!wrongAttribute.equals("datacontenttype")) {
            attributes.put(wrongAttribute, wrongValue);
        }
        return attributes;
    }

    String contentType() {
        if (structured()) {
            return BridgeContract.STRUCTURED;
        }
        return wrongAttribute.equals("datacontenttype") ? wrongValue : "application/json";
    }

    /** an account that must never arrive, or no JSON at all */
    String body(String accountId) {
        return structured() ? "not json" : BridgeContract.accountJson(accountId, "Malformed");
    }
}
