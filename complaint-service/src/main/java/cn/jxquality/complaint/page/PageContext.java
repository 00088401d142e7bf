package cn.jxquality.complaint.page;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One page request: the language (a {@code lang} link, then the {@code lang} cookie, then the browser's preference,
 * then Chinese) and the form token (double-submit: the same random value in an HttpOnly cookie and in each form).
 */
@RequestScoped
public class PageContext {

    static final String LANGUAGE_COOKIE = "lang";
    static final String LANGUAGE_PARAMETER = "lang";
    static final String CSRF_COOKIE = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RoutingContext routing;
    private final SiteConfig config;
    private Language language;
    private String csrfToken;

    PageContext(RoutingContext routing, SiteConfig config) {
        this.routing = routing;
        this.config = config;
    }

    /** The page's language; a {@code lang} link is remembered in a cookie for the pages after it. */
    public Language language() {
        if (language == null) {
            HttpServerRequest request = routing.request();
            var chosen = Language.ofTag(request.getParam(LANGUAGE_PARAMETER));
            if (chosen.isPresent()) {
                language = chosen.get();
                addCookie(LANGUAGE_COOKIE, language.tag(), Duration.ofDays(365), CookieSameSite.LAX);
            } else {
                Cookie cookie = request.getCookie(LANGUAGE_COOKIE);
                language = Language.ofTag(cookie == null ? null : cookie.getValue())
                        .orElseGet(() -> Language.ofAcceptLanguage(request.getHeader("Accept-Language")));
            }
        }
        return language;
    }

    /** The token this page's forms carry; issued (and set as a cookie) on the first page that needs one. */
    public String csrfToken() {
        if (csrfToken == null) {
            Cookie cookie = routing.request().getCookie(CSRF_COOKIE);
            if (cookie != null && CsrfGuard.wellFormed(cookie.getValue())) {
                csrfToken = cookie.getValue();
            } else {
                byte[] bytes = new byte[CsrfGuard.TOKEN_BYTES];
                RANDOM.nextBytes(bytes);
                csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                addCookie(CSRF_COOKIE, csrfToken, Duration.ofHours(8), CookieSameSite.STRICT);
            }
        }
        return csrfToken;
    }

    /** The request's path. */
    public String path() {
        return routing.request().path();
    }

    /** The public page frame's data. */
    public Page page() {
        return new Page(language(), csrfToken(), switchLanguageHref(), null);
    }

    /** The console frame's data, with the signed-in member of staff. */
    public Page page(Staff staff) {
        return new Page(language(), csrfToken(), switchLanguageHref(), staff);
    }

    /** This page's address in the other language: the same path and query with {@code lang} swapped. */
    String switchLanguageHref() {
        HttpServerRequest request = routing.request();
        String query = request.params().entries().stream()
                .filter(e -> !e.getKey().equals(LANGUAGE_PARAMETER))
                .filter(e -> !"POST".equals(request.method().name()))
                .map(PageContext::encoded)
                .collect(Collectors.joining("&"));
        String lang = LANGUAGE_PARAMETER + "=" + language().other().tag();
        return request.path() + "?" + (query.isEmpty() ? lang : query + "&" + lang);
    }

    /** Adds a cookie to the response, HttpOnly, Secure where configured. */
    public void addCookie(String name, String value, Duration maxAge, CookieSameSite sameSite) {
        addCookie(name, value, "/", maxAge, sameSite);
    }

    /** As {@link #addCookie(String, String, Duration, CookieSameSite)}, for one path only. */
    public void addCookie(String name, String value, String path, Duration maxAge, CookieSameSite sameSite) {
        routing.response()
                .addCookie(Cookie.cookie(name, value)
                        .setPath(path)
                        .setMaxAge(maxAge.toSeconds())
                        .setHttpOnly(true)
                        .setSecure(config.secureCookies())
                        .setSameSite(sameSite));
    }

    /** The value of a request cookie, or null. */
    public String cookie(String name) {
        Cookie cookie = routing.request().getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** The address a citizen reaches this site at: the configured public one, else what this request came in on. */
    public String baseUrl() {
        return config.publicBaseUrl()
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElseGet(() -> {
                    var authority = routing.request().authority();
                    String port = authority.port() > 0 ? ":" + authority.port() : "";
                    return routing.request().scheme() + "://" + authority.host() + port;
                });
    }

    private static String encoded(Map.Entry<String, String> entry) {
        return URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8);
    }
}
