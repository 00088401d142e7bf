package cn.jxquality.notify.channel;

import cn.jxquality.notify.notification.NotificationChannel;
import io.smallrye.mutiny.Uni;

/** A way out of this service (SMS gateway, SMTP, a department's webhook); fails with {@link DeliveryFailure}. */
public interface DeliveryChannel {

    /** The channel this adapter serves. */
    NotificationChannel channel();

    /** Completes when the other side accepted the message. */
    Uni<Void> deliver(OutgoingMessage message);

    /**
     * Whether the other side already holds this message, asked before a message whose earlier try ended without an
     * outcome is sent again (its sender died between the hand-over and the sent mark). {@code false} when the other
     * side cannot tell: the message goes out again (at least once; webhook receivers de-duplicate by
     * {@code X-Notification-Id}). Fails with {@link DeliveryFailure} when the other side cannot be asked now.
     */
    default Uni<Boolean> alreadyTaken(OutgoingMessage message) {
        return Uni.createFrom().item(false);
    }
}
