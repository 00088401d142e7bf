package cn.jxquality.complaint.page;

import cn.jxquality.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A person in a browser never reads problem JSON: where a page, a page fragment or an unknown address answers with a
 * problem, they get an error page in their language instead. API clients keep their problem details.
 */
public class PageProblems {

    private static final List<String> API_PATHS = List.of("/api/", "/internal/", "/open311/", "/q/");

    private final PageErrors errors;

    PageProblems(PageErrors errors) {
        this.errors = errors;
    }

    @ServerResponseFilter
    public Uni<Void> render(ContainerResponseContext response, HttpServerRequest request) {
        if (!(response.getEntity() instanceof Problem problem) || !fromBrowser(request)) {
            return Uni.createFrom().voidItem();
        }
        Object retryAfter = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        Long seconds = retryAfter == null ? null : Long.valueOf(retryAfter.toString());
        return errors.html(problem.status(), PageErrors.Reason.of(problem.status()), seconds)
                .invoke(html -> response.setEntity(html, null, MediaType.valueOf("text/html;charset=UTF-8")))
                .replaceWithVoid();
    }

    /** A page or fragment request: not an API path, and a browser navigation or an htmx request. */
    static boolean fromBrowser(HttpServerRequest request) {
        String path = request.path();
        if (API_PATHS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getHeader("HX-Request") != null || (accept != null && accept.contains("text/html"));
    }
}
