package cn.jxquality.notify.channel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * One rendered message ready for a channel. {@code address} is a mobile number, an e-mail address or a
 * webhook URL; it lives only in memory for the duration of the send.
 */
public record OutgoingMessage(
        UUID notificationId,
        String eventId,
        String eventType,
        String trackingNumber,
        String recipient,
        String address,
        String language,
        String subject,
        String body,
        JsonNode eventData) {

    @Override
    public String toString() {
        return "OutgoingMessage[" + notificationId + "]"; // the address stays out of logs
    }
}
