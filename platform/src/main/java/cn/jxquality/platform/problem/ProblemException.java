package cn.jxquality.platform.problem;

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

    /** 503 with {@code Retry-After}: a third party did not answer; the same request may be repeated later. */
    public static ProblemException unavailable(String typeSlug, String detail, long retryAfterSeconds) {
        return new ProblemException(
                Problem.of(typeSlug, "Service unavailable", 503, detail), Math.max(1, retryAfterSeconds));
    }

    /** 429 with {@code Retry-After}: too many failed tries of a public endpoint. */
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

    public static ProblemException preconditionRequired() {
        return new ProblemException(Problem.of(
                "precondition-required",
                "Precondition required",
                428,
                "Send If-Match with the case's ETag (its version) to change it."));
    }

    public static ProblemException stale(String detail) {
        return new ProblemException(Problem.of("stale-version", "Precondition failed", 412, detail));
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds the client should wait before trying again; null when waiting does not help. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
