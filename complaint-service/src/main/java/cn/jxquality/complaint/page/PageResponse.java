package cn.jxquality.complaint.page;

import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestResponse;

/** A page with its status code; never stored by a browser or a proxy, since pages carry codes and personal data. */
public final class PageResponse {

    private PageResponse() {}

    public static RestResponse<TemplateInstance> of(int status, TemplateInstance view) {
        return of(status, view, null);
    }

    /** As {@link #of(int, TemplateInstance)}, with {@code Retry-After} when the reader is asked to wait. */
    public static RestResponse<TemplateInstance> of(int status, TemplateInstance view, Long retryAfterSeconds) {
        RestResponse.ResponseBuilder<TemplateInstance> response = RestResponse.ResponseBuilder.<TemplateInstance>create(
                        status)
                .entity(view)
                .header("Cache-Control", "no-store");
        if (retryAfterSeconds != null) {
            response.header("Retry-After", retryAfterSeconds);
        }
        return response.build();
    }

    /** {@code shown} with {@code Retry-After} when the reader is asked to wait ({@code seconds} not null). */
    public static RestResponse<TemplateInstance> retryLater(RestResponse<TemplateInstance> shown, Long seconds) {
        return seconds == null ? shown : of(shown.getStatus(), shown.getEntity(), seconds);
    }
}
