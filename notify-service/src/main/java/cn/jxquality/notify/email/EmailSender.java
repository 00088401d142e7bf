package cn.jxquality.notify.email;

import cn.jxquality.notify.channel.DeliveryChannel;
import cn.jxquality.notify.channel.DeliveryFailure;
import cn.jxquality.notify.channel.OutgoingMessage;
import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.Recipients;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends e-mail over SMTP with Quarkus Mailer; any SMTP failure is retried (servers refuse transiently too). */
@ApplicationScoped
public class EmailSender implements DeliveryChannel {

    private final ReactiveMailer mailer;

    EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public Uni<Void> deliver(OutgoingMessage message) {
        Mail mail = Mail.withText(message.address(), message.subject(), message.body())
                .addHeader("X-Notification-Id", message.notificationId().toString());
        return mailer.send(mail)
                .onFailure()
                .transform(e -> DeliveryFailure.transientFailure(
                        "SMTP refused: " + e.getClass().getSimpleName(), e))
                .invoke(() -> Log.infof(
                        "E-mail on %s to %s handed to SMTP",
                        message.trackingNumber(), Recipients.maskAddress(message.address())));
    }
}
