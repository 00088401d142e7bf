package cn.jxquality.platform.problem;

/**
 * Paths whose clients read errors in a format of their own instead of problem+json: Open311's error list, say. A
 * service that serves such clients provides one as a bean; every error the platform answers on those paths (mapped
 * exceptions, unknown paths and methods, a body past the limit, a request refused at the door) is then written in it.
 */
public interface ProblemDialect {

    /** Whether requests to {@code path} read errors in this dialect. */
    boolean speaksFor(String path);

    /** The problem in this dialect; {@code path} may choose the format (an extension, say). */
    Rendered render(String path, Problem problem);

    /** A rendered error: its media type and its body. */
    record Rendered(String mediaType, String body) {}
}
