package cn.jxquality.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.SocketException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The suite's one mapping from failures to RFC 9457 problem details; nothing internal leaks. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = respond(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(Problem.invalid(violations));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : currentField(e);
        String message = e instanceof JsonMappingException && !field.isEmpty()
                ? "has the wrong type or an unknown value"
                : "the body is not valid JSON";
        return respond(Problem.invalid(List.of(new Problem.Violation(field.isEmpty() ? "body" : field, message))));
    }

    /** Overrides the built-in mapper, which answers plain JSON instead of a problem. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(Problem.of("unauthorized", "Unauthorized", 401, "A valid bearer token is required."));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(Problem.of("unauthorized", "Unauthorized", 401, "A valid bearer token is required."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this."));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof ProblemException problem) {
            return respond(problem.problem()); // e.g. a parameter converter's 400, which JAX-RS wraps in a 404
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json); // e.g. a number beyond its type's range, which the reader wraps
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.error("Request failed", e);
            return respond(Problem.of("internal", "Internal error", status, "The request could not be completed."));
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(slug(title), title, status, title + "."));
    }

    /**
     * PostgreSQL refused for want of something that comes back (connections, memory, disk, the server shutting down or
     * starting, a lock or serialisation conflict): 503 with {@code Retry-After}, the request may be repeated; anything
     * else it refused is the server's fault.
     */
    @ServerExceptionMapper
    public Response databaseRefused(PgException e) {
        return Outage.is(e) ? Unavailable.respond(e) : unexpected(e);
    }

    /** The database (or another service) could not be reached, or the connection was reset: 503. */
    @ServerExceptionMapper
    public Response unreachable(SocketException e) {
        return Unavailable.respond(e);
    }

    @ServerExceptionMapper
    public Response connectionClosed(ClosedConnectionException e) {
        return Unavailable.respond(e);
    }

    @ServerExceptionMapper
    public Response poolTooBusy(ConnectionPoolTooBusyException e) {
        return Unavailable.respond(e);
    }

    /** Anything else is the server's fault, unless it wraps an {@link Outage} (503). */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (Outage.is(e)) {
            return Unavailable.respond(e);
        }
        Log.error("Unexpected failure", e);
        return respond(Problem.of("internal", "Internal error", 500, "The request could not be completed."));
    }

    /** A 503 for a resource that is out for a while; its cause is logged, never shown. */
    static final class Unavailable {

        /** Seconds a client should wait before it repeats the request. */
        static final long RETRY_AFTER_SECONDS = 5;

        /** At most one line a second: under overload every refused request would log one. */
        private static final LogThrottle LOG = new LogThrottle(1, TimeUnit.SECONDS);

        private Unavailable() {}

        static Response respond(Throwable cause) {
            LOG.warn("Answered 503, a resource is out for a while: " + cause);
            Response response = ProblemMappers.respond(Problem.of(
                    "unavailable",
                    "Service unavailable",
                    503,
                    "The service cannot take this request right now. Try again shortly."));
            response.getHeaders().putSingle("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
            return response;
        }
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** {@code submit.request.subject.creditCode} → {@code subject.creditCode}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .map(node -> node.getName() == null ? "" : node.getName())
                .filter(name -> !name.isEmpty())
                .toList();
        return nodes.size() > 2 ? String.join(".", nodes.subList(2, nodes.size())) : "body";
    }

    /** The field being read when the parser gave up, e.g. a number too large for its type. */
    private static String currentField(JsonProcessingException e) {
        if (e instanceof StreamReadException read && read.getProcessor() != null) {
            try {
                String name = read.getProcessor().getParsingContext().getCurrentName();
                return name == null ? "" : name;
            } catch (RuntimeException ignored) {
                return "";
            }
        }
        return "";
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
