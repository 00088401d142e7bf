package cn.jxquality.complaint.problem;

import cn.jxquality.platform.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body other than a multipart upload whose declared length exceeds the JSON limit with a 413 problem,
 * before anything reads it. Uploads (evidence) are bounded by {@code quarkus.http.limits.max-body-size} only.
 */
@ApplicationScoped
public class JsonBodyLimit {

    private final long maxBytes;
    private final String tooLarge;

    JsonBodyLimit(BodyLimitConfig config, ObjectMapper json) throws JsonProcessingException {
        this.maxBytes = config.maxJsonBodyBytes();
        this.tooLarge = json.writeValueAsString(Problem.of(
                "payload-too-large", "Payload too large", 413, "The body may not exceed " + maxBytes + " bytes."));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (declaredLength(ctx) > maxBytes && (contentType == null || !contentType.startsWith("multipart/"))) {
            ctx.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(tooLarge);
            return;
        }
        ctx.next();
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
