package cn.jxquality.complaint.problem;

import java.util.List;

/** A client-caused failure carrying the problem to answer with. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Long retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Long retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429 with a {@code Retry-After} of at least one second. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(
                Problem.of("too-many-requests", "Too many requests", 429, detail), Math.max(1, retryAfterSeconds));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.Violation(field, message))));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403, detail));
    }

    /** 409: the resource is not in a state that allows the request (yet). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of("conflict", "Conflict", 409, detail));
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds the client should wait, for {@code Retry-After}; null when not a throttle. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
