package cn.jxquality.notify.channel;

import cn.jxquality.notify.notification.NotificationChannel;
import io.smallrye.mutiny.Uni;

/** A way out of this service (SMS gateway, SMTP, a department's webhook); fails with {@link DeliveryFailure}. */
public interface DeliveryChannel {

    /** The channel this adapter serves. */
    NotificationChannel channel();

    /** Completes when the other side accepted the message. */
    Uni<Void> deliver(OutgoingMessage message);
}
