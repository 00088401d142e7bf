package cn.jxquality.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem-details body, the same in every service; {@code violations} names each invalid field,
 * {@code allowedActions} what a resource's state allows instead of a refused action (both left out when empty).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type, String title, int status, String detail, List<Violation> violations, List<String> allowedActions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Base of the problem type URIs the suite uses. */
    public static final String TYPE_BASE = "https://jxquality.cn/problems/";

    public static Problem of(String typeSlug, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + typeSlug), title, status, detail, List.of(), List.of());
    }

    /** A problem other than 400 that still names the fields it is about (e.g. 413 for a file too large). */
    public static Problem of(String typeSlug, String title, int status, String detail, List<Violation> violations) {
        return new Problem(URI.create(TYPE_BASE + typeSlug), title, status, detail, violations, List.of());
    }

    public static Problem invalid(List<Violation> violations) {
        return new Problem(
                URI.create(TYPE_BASE + "invalid-input"),
                "Invalid input",
                400,
                "The request has " + violations.size() + " invalid field(s).",
                violations,
                List.of());
    }

    /** 409: the action does not fit the resource's state; names the actions that do. */
    public static Problem illegalTransition(String detail, List<String> allowedActions) {
        return new Problem(
                URI.create(TYPE_BASE + "illegal-transition"),
                "Illegal transition",
                409,
                detail,
                List.of(),
                allowedActions);
    }

    /** One invalid field: a JSON path such as {@code subject.creditCode} and what is wrong with it. */
    public record Violation(String field, String message) {}
}
