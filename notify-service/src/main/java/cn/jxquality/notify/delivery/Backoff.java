package cn.jxquality.notify.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after try n the ceiling is {@code initial · 2^(n-1)} (capped),
 * and the delay is uniformly between half of it and all of it, so replicas retrying a gateway that came
 * back do not stampede it in lockstep.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The delay after the given number of failed tries (1 = the first try failed). */
    public Duration after(int failedTries) {
        long ceiling = ceilingMillis(failedTries);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }

    long ceilingMillis(int failedTries) {
        int doublings = Math.min(Math.max(failedTries - 1, 0), 30);
        long ceiling = initial.toMillis() << doublings;
        return Math.min(ceiling, max.toMillis());
    }
}
