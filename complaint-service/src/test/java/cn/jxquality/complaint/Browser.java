package cn.jxquality.complaint;

import static io.restassured.RestAssured.given;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as the pages see it: it keeps its cookies, asks for HTML in a language, comes from an address of its own
 * (the test profile believes X-Forwarded-For), and posts forms with the token of the page it was shown.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false))
            .encoderConfig(EncoderConfig.encoderConfig().defaultCharsetForContentType("UTF-8", "multipart/form-data"));

    private final Map<String, String> cookies = new HashMap<>();
    private final String language;
    private final String address = Submissions.randomClient();
    private String bearer;

    private Browser(String language) {
        this.language = language;
    }

    /** A browser that prefers Chinese. */
    public static Browser chinese() {
        return new Browser("zh-CN,zh;q=0.9");
    }

    /** A browser that prefers English. */
    public static Browser english() {
        return new Browser("en-GB,en;q=0.9");
    }

    /** Signs in with a real Keycloak token of {@code user} (the test profile's console also takes bearer tokens). */
    public Browser as(String user) {
        this.bearer = Tokens.of(user);
        return this;
    }

    public String address() {
        return address;
    }

    public Response get(String path) {
        return keep(request().get(path));
    }

    /** GETs {@code page}, then posts {@code form} to {@code action} with that page's form token. */
    public Response submit(String page, String action, Map<String, ?> form) {
        String token = tokenFor(get(page).asString());
        return keep(request()
                .contentType(ContentType.URLENC)
                .formParams(form)
                .formParam("csrf", token)
                .post(action));
    }

    /** As {@link #submit}, as multipart (the intake forms), with files as name → bytes under {@code evidence}. */
    public Response submitMultipart(String page, String action, Map<String, String> form, Map<String, byte[]> files) {
        String html = get(page).asString();
        RequestSpecification request = request();
        text(request, "csrf", tokenFor(html));
        form.forEach((name, value) -> text(request, name, value));
        String key = field(html, "idempotencyKey");
        if (!form.containsKey("idempotencyKey") && key != null) {
            text(request, "idempotencyKey", key);
        }
        files.forEach((name, bytes) -> request.multiPart("evidence", name, bytes, "image/jpeg"));
        return keep(request.post(action));
    }

    /** A text part as a browser sends it: UTF-8. */
    public static RequestSpecification text(RequestSpecification request, String name, String value) {
        return request.multiPart(new MultiPartSpecBuilder(value)
                .controlName(name)
                .mimeType("text/plain")
                .charset(StandardCharsets.UTF_8)
                .build());
    }

    /** A request with this browser's cookies, language, address and (when signed in) token. */
    public RequestSpecification request() {
        RequestSpecification request = given().config(CONFIG)
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", language)
                .header("X-Forwarded-For", address)
                .cookies(cookies);
        if (bearer != null) {
            request.auth().oauth2(bearer);
        }
        return request;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    /** The form token a page's forms carry. */
    public static String tokenOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form token on the page");
        }
        return m.group(1);
    }

    /** The token of the page's forms, or (a page without forms) of this browser's cookie; "none" without either. */
    private String tokenFor(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? m.group(1) : cookies.getOrDefault("csrf", "none");
    }

    /** The value of a hidden or text input on a page. */
    public static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"")
                .matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private Response keep(Response response) {
        response.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        return response;
    }
}
