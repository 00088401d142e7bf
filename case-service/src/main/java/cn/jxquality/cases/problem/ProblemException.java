package cn.jxquality.cases.problem;

import java.util.List;

/** A client-caused failure carrying the problem to answer with. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
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
}
