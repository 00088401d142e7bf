package cn.jxquality.platform.http;

import cn.jxquality.platform.problem.LogThrottle;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemBodies;
import cn.jxquality.platform.problem.ProblemDialect;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load shedding at the door. Past {@link AdmissionConfig#maxInFlight()} public API requests in flight, the next is
 * answered 503 with {@code Retry-After} before anything is done for it: no token checked, no body read, no connection
 * asked for. Without it, a slow database made every request wait for the pool and be refused there, after its token and
 * body had cost their CPU; with thousands of clients retrying (scenario 7 of RELIABILITY.md) the refusals took both
 * cores and the requests that had a connection could not finish. The other services' calls ({@code /internal/}) have
 * places of their own ({@link AdmissionConfig#maxInternalInFlight()}): they finish work already accepted (a citizen's
 * notice waits for its contact look-up), and a flood of new complaints must not shed them. Only the API paths
 * (machines, which retry) are counted: pages, health checks and metrics are not.
 */
@ApplicationScoped
public class Admission {

    static final String[] PUBLIC = {"/api/", "/open311/"};
    static final String INTERNAL = "/internal/";
    static final String BODY = "{\"type\":\"" + Problem.TYPE_BASE + "unavailable\",\"title\":\"Service unavailable\","
            + "\"status\":503,\"detail\":\"The service is busy. Try again shortly.\"}";
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Problem BUSY =
            Problem.of("unavailable", "Service unavailable", 503, "The service is busy. Try again shortly.");
    private static final ProblemDialect.Rendered PROBLEM_JSON = new ProblemDialect.Rendered(Problem.MEDIA_TYPE, BODY);
    private static final String ADMITTED = Admission.class.getName();

    /** Places for requests of one kind: how many are in flight, and how many may be. */
    private record Places(String kind, AtomicInteger inFlight, int max) {
        Places(String kind, int max) {
            this(kind, new AtomicInteger(), max);
        }
    }

    private final Places publicPlaces;
    private final Places internalPlaces;
    private final LogThrottle log = new LogThrottle(1, TimeUnit.SECONDS);
    private final ProblemBodies bodies;

    Admission(AdmissionConfig config, ProblemBodies bodies) {
        this.bodies = bodies;
        this.publicPlaces = new Places("API", config.maxInFlight());
        this.internalPlaces = new Places("internal", config.maxInternalInFlight());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::admit);
    }

    void admit(RoutingContext context) {
        Places places = context.get(ADMITTED) == null ? placesOf(context.normalizedPath()) : null;
        if (places == null) {
            context.next();
            return;
        }
        if (places.inFlight().incrementAndGet() > places.max()) {
            places.inFlight().decrementAndGet();
            refuse(context, places);
            return;
        }
        context.put(ADMITTED, Boolean.TRUE);
        context.addEndHandler(ended -> places.inFlight().decrementAndGet());
        context.next();
    }

    /** Requests being worked on now, public and internal (for tests and metrics). */
    int inFlight() {
        return publicPlaces.inFlight().get() + internalPlaces.inFlight().get();
    }

    private void refuse(RoutingContext context, Places places) {
        log.warn("Answered 503 at the door: " + places.max() + " " + places.kind() + " requests in flight");
        ProblemDialect.Rendered refusal =
                bodies.inDialect(context.normalizedPath(), BUSY).orElse(PROBLEM_JSON);
        context.response()
                .setStatusCode(503)
                .putHeader("Content-Type", refusal.mediaType())
                .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                .end(refusal.body());
    }

    /** The places a request to {@code path} takes; {@code null} for one not counted. */
    private Places placesOf(String path) {
        if (path == null) {
            return null;
        }
        if (path.startsWith(INTERNAL)) {
            return internalPlaces;
        }
        for (String prefix : PUBLIC) {
            if (path.startsWith(prefix)) {
                return publicPlaces;
            }
        }
        return null;
    }
}
