package cn.jxquality.complaint.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Error pages in the reader's language: what went wrong in plain words and what to do next. */
@ApplicationScoped
public class PageErrors {

    /** Why a page could not be shown; each has its own words on the error page. */
    public enum Reason {
        BAD_REQUEST,
        SIGN_IN,
        FORBIDDEN,
        NOT_FOUND,
        FORM_EXPIRED,
        CONFLICT,
        TOO_MANY,
        UNAVAILABLE,
        UNEXPECTED;

        /** The reason an HTTP status stands for on a page. */
        public static Reason of(int status) {
            return switch (status) {
                case 400, 413, 415, 422 -> BAD_REQUEST;
                case 401 -> SIGN_IN;
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                case 409, 412 -> CONFLICT;
                case 429 -> TOO_MANY;
                case 502, 503, 504 -> UNAVAILABLE;
                default -> UNEXPECTED;
            };
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Page page, int status, Reason reason, Long retryMinutes, String home);
    }

    private final Instance<PageContext> context;

    PageErrors(Instance<PageContext> context) {
        this.context = context;
    }

    /** The error page as HTML, with {@code Retry-After} when the reader is asked to wait. */
    public Uni<Response> response(int status, Reason reason, Long retryAfterSeconds) {
        return html(status, reason, retryAfterSeconds).map(html -> {
            Response.ResponseBuilder response =
                    Response.status(status).type("text/html;charset=UTF-8").entity(html);
            if (retryAfterSeconds != null) {
                response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            }
            return response.build();
        });
    }

    /** The error page's HTML. */
    public Uni<String> html(int status, Reason reason, Long retryAfterSeconds) {
        PageContext current = context.get();
        Page page = current.page();
        String home = current.path().startsWith("/console") ? "/console" : "/";
        Long minutes = retryAfterSeconds == null ? null : Math.max(1, (retryAfterSeconds + 59) / 60);
        return Templates.error(page, status, reason, minutes, home)
                .setLocale(page.lang().locale())
                .createUni();
    }
}
