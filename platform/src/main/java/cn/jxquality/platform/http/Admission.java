package cn.jxquality.platform.http;

import cn.jxquality.platform.problem.LogThrottle;
import cn.jxquality.platform.problem.Problem;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load shedding at the door. Past {@link AdmissionConfig#maxInFlight()} API requests in flight, the next is answered
 * 503 with {@code Retry-After} before anything is done for it: no token checked, no body read, no connection asked
 * for. Without it, a slow database made every request wait for the pool and be refused there, after its token and
 * body had cost their CPU; with thousands of clients retrying (scenario 7 of RELIABILITY.md) the refusals took both
 * cores and the requests that had a connection could not finish. Only the API paths (machines, which retry) are
 * counted: pages, health checks and metrics are not.
 */
@ApplicationScoped
public class Admission {

    static final String[] COUNTED = {"/api/", "/internal/", "/open311/"};
    static final String BODY = "{\"type\":\"" + Problem.TYPE_BASE + "unavailable\",\"title\":\"Service unavailable\","
            + "\"status\":503,\"detail\":\"The service is busy. Try again shortly.\"}";
    static final String RETRY_AFTER_SECONDS = "5";
    private static final String ADMITTED = Admission.class.getName();

    private final AtomicInteger inFlight = new AtomicInteger();
    private final LogThrottle log = new LogThrottle(1, TimeUnit.SECONDS);
    private final int maxInFlight;

    Admission(AdmissionConfig config) {
        this.maxInFlight = config.maxInFlight();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::admit);
    }

    void admit(RoutingContext context) {
        if (context.get(ADMITTED) != null || !counted(context.normalizedPath())) {
            context.next();
            return;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            refuse(context);
            return;
        }
        context.put(ADMITTED, Boolean.TRUE);
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        context.next();
    }

    /** Requests being worked on now (for tests and metrics). */
    int inFlight() {
        return inFlight.get();
    }

    private void refuse(RoutingContext context) {
        log.warn("Answered 503 at the door: " + maxInFlight + " API requests in flight");
        context.response()
                .setStatusCode(503)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                .end(BODY);
    }

    static boolean counted(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : COUNTED) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
