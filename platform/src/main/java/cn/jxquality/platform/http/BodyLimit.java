package cn.jxquality.platform.http;

import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemBodies;
import cn.jxquality.platform.problem.ProblemDialect;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Holds a body other than a multipart upload to the JSON limit, answering a 413 problem: a declared length above it
 * before anything reads the body; a body without one (chunked) as its bytes arrive, so no more than the limit is ever
 * held (issue 17 item 3: such a body was read whole, up to {@code quarkus.http.limits.max-body-size}). Uploads
 * (evidence) are written to disk as they arrive and bounded by {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;
    private final Problem tooLarge;
    /** The refusal as problem+json, written once: refusing must not wait for a serializer while bytes pour in. */
    private final ProblemDialect.Rendered tooLargeJson;

    private final ProblemBodies bodies;
    /** Reads a body of unknown length into memory, failing the request with 413 once it passes the limit. */
    private final BodyHandler untilTheLimit;

    BodyLimit(BodyLimitConfig config, ProblemBodies bodies) {
        this.maxBytes = config.maxBytes();
        this.bodies = bodies;
        this.tooLarge = Problem.of(
                "payload-too-large", "Payload too large", 413, "The body may not exceed " + maxBytes + " bytes.");
        this.tooLargeJson = bodies.render(null, tooLarge);
        this.untilTheLimit = BodyHandler.create(false).setBodyLimit(maxBytes).setHandleFileUploads(false);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check).failureHandler(this::refuseTooLarge);
    }

    private void check(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.startsWith("multipart/")) {
            ctx.next();
        } else if (declaredLength(ctx) > maxBytes) {
            refuse(ctx);
        } else if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            untilTheLimit.handle(ctx); // counts the chunks as they come: next() once read, fail(413) past the limit
        } else {
            ctx.next();
        }
    }

    private void refuseTooLarge(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            refuse(ctx);
        } else {
            ctx.next();
        }
    }

    private void refuse(RoutingContext ctx) {
        ProblemDialect.Rendered refusal =
                bodies.inDialect(ctx.normalizedPath(), tooLarge).orElse(tooLargeJson);
        ctx.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, refusal.mediaType())
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(refusal.body());
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // the HTTP server itself rejects a malformed length
        }
    }
}
