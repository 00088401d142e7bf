package cn.jxquality.complaint.page;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Cross-site request forgery, refused before any page form is acted on: the form must carry the token of the
 * {@code csrf} cookie (double submit; the cookie is HttpOnly and SameSite=Strict), and a browser that names the
 * request's origin or site must name this one.
 */
public class CsrfGuard {

    static final int TOKEN_BYTES = 16;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final PageErrors errors;

    CsrfGuard(PageErrors errors) {
        this.errors = errors;
    }

    @FormPage
    @WithFormRead
    @ServerRequestFilter
    public Uni<Response> check(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        if (SAFE_METHODS.contains(context.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = request.getCookie(PageContext.CSRF_COOKIE);
        Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                .getFormParameter(Page.CSRF_FIELD, true, false);
        if (cookie != null
                && field instanceof String token
                && wellFormed(token)
                && MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.US_ASCII),
                        cookie.getValue().getBytes(StandardCharsets.US_ASCII))
                && sameOrigin(request)) {
            return Uni.createFrom().nullItem();
        }
        Log.infof("Refused a %s to %s without a valid form token", context.getMethod(), request.path());
        return errors.response(403, PageErrors.Reason.FORM_EXPIRED, null);
    }

    /** A token this service could have issued: {@value #TOKEN_BYTES} bytes, base64url. */
    static boolean wellFormed(String token) {
        if (token == null || token.length() > 64) {
            return false;
        }
        try {
            return Base64.getUrlDecoder().decode(token).length == TOKEN_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Browsers name the origin of a form post, and the fetch site; neither may be another site. */
    static boolean sameOrigin(HttpServerRequest request) {
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        try {
            URI uri = URI.create(origin);
            var authority = request.authority();
            String host = uri.getHost();
            int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
            int expectedPort = authority.port() > 0 ? authority.port() : ("https".equals(request.scheme()) ? 443 : 80);
            return host != null && host.equalsIgnoreCase(authority.host()) && port == expectedPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
