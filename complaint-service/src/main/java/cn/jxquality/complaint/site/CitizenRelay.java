package cn.jxquality.complaint.site;

import cn.jxquality.complaint.problem.Problem;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * How the pages hand a citizen's request to the service that owns it (the reward claim to case-service, the opt-out to
 * notify-service) and read the answer: the other service's problem details, or "unavailable" when it could not be
 * reached, so a page can always say what happened and that nothing was recorded.
 */
final class CitizenRelay {

    private CitizenRelay() {}

    /** The other service's refusal: its problem and, for a throttle, how long to wait. */
    record Refusal(Problem problem, Long retryAfterSeconds) {

        int status() {
            return problem.status();
        }

        List<Problem.Violation> violations() {
            return problem.violations() == null ? List.of() : problem.violations();
        }
    }

    /** The answer of a relayed call: what it returned, or why not. */
    static <T> Uni<Result<T>> call(Uni<T> call, String what) {
        return call.map(Result::<T>done).onFailure().recoverWithItem(e -> Result.<T>refused(refusal(e, what)));
    }

    /** Either the other service's answer or its refusal. */
    record Result<T>(T answer, Refusal refusal) {

        static <T> Result<T> done(T answer) {
            return new Result<>(answer, null);
        }

        static <T> Result<T> refused(Refusal refusal) {
            return new Result<>(null, refusal);
        }
    }

    private static Refusal refusal(Throwable e, String what) {
        if (e instanceof WebApplicationException failure
                && failure.getResponse().getStatus() < 500) {
            Response response = failure.getResponse();
            Problem problem;
            try {
                problem = response.readEntity(Problem.class);
            } catch (RuntimeException unreadable) {
                problem = null;
            }
            if (problem == null) {
                problem = new Problem(
                        URI.create(Problem.TYPE_BASE + "refused"), "Refused", response.getStatus(), null, List.of());
            }
            String retryAfter = response.getHeaderString(HttpHeaders.RETRY_AFTER);
            return new Refusal(problem, retryAfter == null ? null : seconds(retryAfter));
        }
        Log.warnf("%s could not be relayed: %s", what, e.getClass().getSimpleName());
        return new Refusal(Problem.of("unavailable", "Service unavailable", 503, null), null);
    }

    private static Long seconds(String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return 60L;
        }
    }
}
