package cn.jxquality.notify.webhook;

import cn.jxquality.notify.channel.DeliveryChannel;
import cn.jxquality.notify.channel.DeliveryFailure;
import cn.jxquality.notify.channel.HttpOutcome;
import cn.jxquality.notify.channel.OutgoingMessage;
import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.platform.keys.KeyMaterial;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Pushes a case notice to a department's own system as signed JSON (see {@link WebhookSignature}). Created at start,
 * so a signing key shorter than 32 bytes stops the service there rather than at the first notice.
 */
@Startup
@ApplicationScoped
public class WebhookSender implements DeliveryChannel {

    private final WebClient http;
    private final WebhookConfig config;
    private final Clock clock;

    WebhookSender(Vertx vertx, WebhookConfig config, Clock clock) {
        this.http = WebClient.create(vertx);
        this.config = config;
        this.clock = clock;
        config.key().ifPresent(key -> KeyMaterial.requireStrong("notify.webhook.key (WEBHOOK_KEY)", key));
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.WEBHOOK;
    }

    @Override
    public Uni<Void> deliver(OutgoingMessage message) {
        if (config.key().isEmpty()) {
            return Uni.createFrom().failure(DeliveryFailure.permanent("no WEBHOOK_KEY configured"));
        }
        String body = payload(message).encode();
        long timestamp = clock.instant().getEpochSecond();
        return http.postAbs(message.address())
                .timeout(config.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Timestamp", Long.toString(timestamp))
                .putHeader("X-Signature", WebhookSignature.sign(config.key().get(), timestamp, body))
                .putHeader("X-Notification-Id", message.notificationId().toString())
                .sendBuffer(Buffer.buffer(body))
                .onFailure()
                .transform(e -> HttpOutcome.unreachable("webhook of " + message.recipient(), e))
                .flatMap(response -> HttpOutcome.of("webhook of " + message.recipient(), response))
                .invoke(() -> Log.infof("Webhook on %s accepted by %s", message.trackingNumber(), message.recipient()));
    }

    private static JsonObject payload(OutgoingMessage message) {
        return new JsonObject()
                .put("notificationId", message.notificationId().toString())
                .put("eventId", message.eventId())
                .put("eventType", message.eventType())
                .put("trackingNumber", message.trackingNumber())
                .put("departmentCode", message.recipient())
                .put("text", message.body())
                .put("data", new JsonObject(message.eventData().toString()));
    }
}
