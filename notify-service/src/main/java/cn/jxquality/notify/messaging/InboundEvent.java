package cn.jxquality.notify.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumed CloudEvent: its id, type and JSON data. A message that is not one is rejected (dead letter). */
public record InboundEvent(String id, String type, JsonNode data) {

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
