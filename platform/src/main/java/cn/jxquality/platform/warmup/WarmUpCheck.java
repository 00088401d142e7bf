package cn.jxquality.platform.warmup;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the service warms up ({@link WarmUp}): no traffic until its paths are loaded and compiled. */
@Readiness
@Singleton
public class WarmUpCheck implements HealthCheck {

    private final WarmUp warmUp;

    WarmUpCheck(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(warmUp.done()).build();
    }
}
