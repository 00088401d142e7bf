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
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends e-mail over SMTP with Quarkus Mailer. A permanent refusal (a 5xx reply, e.g. no such mailbox) is final;
 * 4xx replies, timeouts and refused connections are retried.
 */
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

    /** Only the reply code goes into the reason: the server's text may quote the address. */
    static DeliveryFailure classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                String reason = "SMTP server answered " + smtp.getReplyCode();
                return smtp.isPermanent()
                        ? DeliveryFailure.permanent(reason)
                        : DeliveryFailure.transientFailure(reason, failure);
            }
        }
        return DeliveryFailure.transientFailure(
                "SMTP unreachable: " + failure.getClass().getSimpleName(), failure);
    }

    @Override
    public Uni<Void> deliver(OutgoingMessage message) {
        Mail mail = Mail.withText(message.address(), message.subject(), message.body())
                .addHeader("X-Notification-Id", message.notificationId().toString());
        return mailer.send(mail)
                .onFailure()
                .transform(EmailSender::classify)
                .invoke(() -> Log.infof(
                        "E-mail on %s to %s handed to SMTP",
                        message.trackingNumber(), Recipients.maskAddress(message.address())));
    }
}
