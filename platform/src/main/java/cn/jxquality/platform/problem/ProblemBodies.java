package cn.jxquality.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes a problem for the path it answers: problem+json, or the {@link ProblemDialect} that speaks for the path.
 * Handlers that answer before JAX-RS (the body limit, admission) ask it for their body; what JAX-RS answers with a
 * {@link Problem} is rewritten by the response filter below.
 */
@ApplicationScoped
public class ProblemBodies {

    private final List<ProblemDialect> dialects;
    private final ObjectMapper json;

    @Inject
    ProblemBodies(Instance<ProblemDialect> dialects, ObjectMapper json) {
        this(dialects.stream().toList(), json);
    }

    private ProblemBodies(List<ProblemDialect> dialects, ObjectMapper json) {
        this.dialects = List.copyOf(dialects);
        this.json = json;
    }

    /** Outside CDI (tests): these dialects, problem+json elsewhere. */
    public static ProblemBodies of(ObjectMapper json, ProblemDialect... dialects) {
        return new ProblemBodies(List.of(dialects), json);
    }

    /** The dialect's rendering of {@code problem} for {@code path}, or empty where problem+json is spoken. */
    public Optional<ProblemDialect.Rendered> inDialect(String path, Problem problem) {
        if (path == null) {
            return Optional.empty();
        }
        for (ProblemDialect dialect : dialects) { // on the refusing path of the body limit: no stream, no lambda
            if (dialect.speaksFor(path)) {
                return Optional.of(dialect.render(path, problem));
            }
        }
        return Optional.empty();
    }

    /** {@code problem} as the client of {@code path} reads it. */
    public ProblemDialect.Rendered render(String path, Problem problem) {
        return inDialect(path, problem).orElseGet(() -> {
            try {
                return new ProblemDialect.Rendered(Problem.MEDIA_TYPE, json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a problem could not be written", e);
            }
        });
    }

    /** A problem answered through JAX-RS, in the dialect of its path where one speaks for it. */
    @ServerResponseFilter
    public void inTheClientsDialect(ContainerResponseContext response, UriInfo uri) {
        if (dialects.isEmpty() || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        inDialect("/" + uri.getPath().replaceFirst("^/", ""), problem).ifPresent(rendered -> {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, rendered.mediaType());
            response.setEntity(rendered.body());
        });
    }
}
