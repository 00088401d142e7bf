package cn.jxquality.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
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

    /**
     * Reads {@code message} and applies it, waiting out an outage ({@link EventRetry}); acks on success, nacks on any
     * other failure (an unreadable message included), which the channel's failure strategy sends to the dead-letter
     * topic. {@code apply} must commit its whole effect atomically, its de-duplication by event id included, so an ack
     * always follows a commit.
     */
    public static Uni<Void> consume(
            Message<String> message, ObjectMapper json, Function<InboundEvent, Uni<Void>> apply) {
        return Uni.createFrom()
                .item(() -> of(message, json))
                .flatMap(event -> EventRetry.attempt(() -> apply.apply(event), 0, failure -> true))
                .onItemOrFailure()
                .transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
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
