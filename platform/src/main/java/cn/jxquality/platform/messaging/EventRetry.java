package cn.jxquality.platform.messaging;

import cn.jxquality.platform.problem.Outage;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How work that must not be lost is tried again: a consumer applying an event, a delivery's mark that the message
 * went out. An {@link Outage} (the database restarting or unreachable, a connection reset) is waited out however
 * long it lasts, trying again at most every 5 s: the work is good and only the database is away, so giving it up (a
 * dead-lettered event, a message sent twice) would be the wrong answer. A consumer's channel holds still meanwhile (its
 * partitions are ordered), and its records stay unacknowledged for as long as that takes, which is why the
 * connector's limit on their age is off ({@code throttled.unprocessed-record-max-age.ms=0} in the platform's
 * configuration). Any other failure is tried again up to {@code retries} times, unless {@code hopeless} says that
 * cannot help (a malformed event); then the failure stands, and a consumer nacks the event to its dead-letter topic.
 */
public final class EventRetry {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private EventRetry() {}

    public static <T> Uni<T> attempt(Supplier<Uni<T>> attempt, int retries, Predicate<Throwable> hopeless) {
        AtomicInteger others = new AtomicInteger();
        // each retry subscribes again, and so calls attempt again
        return Uni.createFrom()
                .<T>deferred(attempt::get)
                .onFailure()
                .transform(failure -> {
                    if (Outage.is(failure)) {
                        Log.warnf("Not done while a resource is away, waiting it out: %s", failure);
                        return new TryAgain(failure);
                    }
                    if (!hopeless.test(failure) && others.incrementAndGet() <= retries) {
                        Log.warnf("Not done, trying again (%d of %d): %s", others.get(), retries, failure);
                        return new TryAgain(failure);
                    }
                    return failure;
                })
                .onFailure(TryAgain.class)
                .retry()
                .withBackOff(FIRST_BACKOFF, MAX_BACKOFF)
                .indefinitely();
    }

    /** A failure worth another try; never escapes {@link #attempt}. */
    private static final class TryAgain extends RuntimeException {
        TryAgain(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
