package cn.jxquality.notify.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumed CloudEvent: its id, type and JSON data. A message that is not one is rejected (dead letter). */
public record InboundEvent(String id, String type, JsonNode data) {

    /** Types about no single complaint (a risk alert concerns an enterprise or a category of one city). */
    static final Set<String> ABOUT_NO_COMPLAINT = Set.of("case.risk-alert.v1");

    @SuppressWarnings("unchecked")
    public static InboundEvent of(Message<String> message, ObjectMapper json) {
        IncomingCloudEventMetadata<String> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a CloudEvent: no ce_id/ce_type headers"));
        try {
            JsonNode data = json.readTree(message.getPayload());
            if (data == null || !data.isObject()) {
                throw new IllegalArgumentException("event data is not a JSON object");
            }
            return new InboundEvent(ce.getId(), ce.getType(), data);
        } catch (IOException e) {
            throw new UncheckedIOException("event data is not JSON", e);
        }
    }

    /** The complaint the event is about; null only for types about none, required (a UUID) for all others. */
    public UUID complaintId() {
        return ABOUT_NO_COMPLAINT.contains(type) ? null : UUID.fromString(text("complaintId"));
    }

    /** The complaint's tracking number; null only for types about no complaint, required for all others. */
    public String trackingNumber() {
        return ABOUT_NO_COMPLAINT.contains(type) ? null : text("trackingNumber");
    }

    /** What the event is about, for log lines: the tracking number, or the type and id of a risk alert. */
    public String about() {
        return ABOUT_NO_COMPLAINT.contains(type) ? type + " " + id : text("trackingNumber");
    }

    /** A required text field of the data. */
    public String text(String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("event " + type + " lacks text field " + field);
        }
        return node.asText();
    }

    /** An optional text field of the data; null when absent or null. */
    public String optionalText(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("event " + type + " field " + field + " is not text");
        }
        return node.asText();
    }
}
