package cn.jxquality.notify.notification;

import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** A supervisor's second chance for a FAILED notification: back to PENDING with a fresh set of tries. */
@ApplicationScoped
public class Resender {

    private final Clock clock;

    Resender(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<NotificationView> resend(UUID id) {
        return Notification.<Notification>findById(id).map(n -> {
            if (n == null) {
                throw ProblemException.notFound("No notification " + id + ".");
            }
            if (n.status != NotificationStatus.FAILED) {
                throw new ProblemException(Problem.of(
                        "not-failed",
                        "Not failed",
                        409,
                        "Only a FAILED notification can be resent; this one is " + n.status + "."));
            }
            n.requeue(clock.instant());
            Log.infof("%s notice of %s re-queued by a supervisor", n.channel, n.trackingNumber);
            return NotificationView.of(n);
        });
    }
}
