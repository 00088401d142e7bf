package cn.jxquality.notify.sms;

import cn.jxquality.notify.channel.DeliveryChannel;
import cn.jxquality.notify.channel.HttpOutcome;
import cn.jxquality.notify.channel.OutgoingMessage;
import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.Recipients;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends SMS through the HTTP gateway; the notification id goes along as the gateway's reference. */
@ApplicationScoped
public class SmsGateway implements DeliveryChannel {

    private final WebClient http;
    private final SmsConfig config;

    SmsGateway(Vertx vertx, SmsConfig config) {
        this.http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int)
                        config.timeout().toMillis()));
        this.config = config;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public Uni<Void> deliver(OutgoingMessage message) {
        JsonObject body = new JsonObject()
                .put("to", message.address())
                .put("text", message.body())
                .put("reference", message.notificationId().toString());
        return request()
                .sendJsonObject(body)
                .onFailure()
                .transform(e -> HttpOutcome.unreachable("SMS gateway", e))
                .flatMap(response -> HttpOutcome.of("SMS gateway", response))
                .invoke(() -> Log.infof(
                        "SMS of %s to %s accepted by the gateway",
                        message.trackingNumber(), Recipients.maskAddress(message.address())));
    }

    /** Asks the gateway's status URL whether it took the message; without one, it cannot tell ({@code false}). */
    @Override
    public Uni<Boolean> alreadyTaken(OutgoingMessage message) {
        if (config.statusUrl().isEmpty()) {
            return Uni.createFrom().item(false);
        }
        HttpRequest<Buffer> request = authenticated(
                        http.getAbs(config.statusUrl().get()))
                .addQueryParam("reference", message.notificationId().toString());
        return request.send()
                .onFailure()
                .transform(e -> HttpOutcome.unreachable("SMS gateway status", e))
                .flatMap(response -> response.statusCode() == 404
                        ? Uni.createFrom().item(false)
                        : HttpOutcome.of("SMS gateway status", response).replaceWith(true))
                .invoke(taken -> Log.infof(
                        "SMS of %s, whose earlier try ended without an outcome: %s",
                        message.trackingNumber(),
                        taken ? "the gateway took it then, not sent again" : "the gateway did not take it, sent now"));
    }

    private HttpRequest<Buffer> request() {
        return authenticated(http.postAbs(config.url()));
    }

    private HttpRequest<Buffer> authenticated(HttpRequest<Buffer> request) {
        request.timeout(config.timeout().toMillis());
        if (config.username().isPresent()) {
            request.basicAuthentication(
                    config.username().get(), config.password().orElse(""));
        }
        return request;
    }
}
