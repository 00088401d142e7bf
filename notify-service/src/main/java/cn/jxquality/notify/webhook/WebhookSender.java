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
 * Pushes a case notice to a department's own system as JSON signed with that department's key (see
 * {@link WebhookSignature}), only over https to an outside address ({@link WebhookTargets}). Created at start, so a
 * master key shorter than 32 bytes or a department URL that is not https stops the service there rather than at the
 * first notice.
 */
@Startup
@ApplicationScoped
public class WebhookSender implements DeliveryChannel {

    private final Vertx vertx;
    private final WebClient http;
    private final WebhookConfig config;
    private final WebhookTargets targets;
    private final Clock clock;

    WebhookSender(Vertx vertx, WebhookConfig config, Clock clock) {
        this.vertx = vertx;
        this.http = WebClient.create(vertx);
        this.config = config;
        this.targets = new WebhookTargets(config.allowLocalTargets());
        this.clock = clock;
        config.key().ifPresent(key -> KeyMaterial.requireStrong("notify.webhook.key (WEBHOOK_KEY)", key));
        config.departments()
                .forEach((department, url) -> targets.refusedUrl(url).ifPresent(reason -> {
                    throw new IllegalStateException("notify.webhook.departments.\"" + department + "\" is refused: "
                            + reason + " (" + url + ")");
                }));
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
        String what = "webhook of " + message.recipient();
        return vertx.executeBlocking(Uni.createFrom().item(() -> targets.refused(message.address())))
                .flatMap(refused -> refused.isPresent()
                        ? Uni.createFrom().failure(DeliveryFailure.permanent(what + " refused: " + refused.get()))
                        : push(message, what));
    }

    private Uni<Void> push(OutgoingMessage message, String what) {
        String body = payload(message).encode();
        long timestamp = clock.instant().getEpochSecond();
        String key = WebhookSignature.departmentKey(config.key().get(), message.recipient());
        return http.postAbs(message.address())
                .timeout(config.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Timestamp", Long.toString(timestamp))
                .putHeader("X-Signature", WebhookSignature.sign(key, timestamp, body))
                .putHeader("X-Signature-Key-Id", config.keyId())
                .putHeader("X-Notification-Id", message.notificationId().toString())
                .sendBuffer(Buffer.buffer(body))
                .onFailure()
                .transform(e -> HttpOutcome.unreachable(what, e))
                .flatMap(response -> HttpOutcome.of(what, response))
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
