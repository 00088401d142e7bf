package cn.jxquality.complaint.page;

import cn.jxquality.platform.problem.Problem;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * How a page hands a request to the service that owns it (a citizen's reward claim to case-service, an opt-out to
 * notify-service, a department's case action) and reads the answer: the other service's problem details, or
 * "unavailable" when it could not be reached, so a page can always say what happened and that nothing was recorded.
 */
public final class ServiceCall {

    private ServiceCall() {}

    /** The other service's refusal: its problem and, for a throttle, how long to wait. */
    public record Refusal(Problem problem, Long retryAfterSeconds) {

        public int status() {
            return problem.status();
        }

        public List<Problem.Violation> violations() {
            return problem.violations() == null ? List.of() : problem.violations();
        }
    }

    /** The answer of a call: what it returned, or why not. */
    public static <T> Uni<Result<T>> call(Uni<T> call, String what) {
        return call.map(Result::<T>done).onFailure().recoverWithItem(e -> Result.<T>refused(refusal(e, what)));
    }

    /** Either the other service's answer or its refusal. */
    public record Result<T>(T answer, Refusal refusal) {

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
                problem = Problem.of("refused", "Refused", response.getStatus(), null);
            }
            String retryAfter = response.getHeaderString(HttpHeaders.RETRY_AFTER);
            return new Refusal(problem, retryAfter == null ? null : seconds(retryAfter));
        }
        Log.warnf(
                "%s did not reach the service that owns it: %s",
                what, e.getClass().getSimpleName());
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
