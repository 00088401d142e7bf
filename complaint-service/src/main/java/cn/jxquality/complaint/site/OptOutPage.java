package cn.jxquality.complaint.site;

import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.Notice;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.ServiceCall;
import cn.jxquality.complaint.page.Texts;
import cn.jxquality.platform.throttle.ClientAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /opt-out}: stop SMS and e-mail about one complaint with the opt-out code every message carries. The link in
 * a message fills both in; the citizen only confirms (a link alone never changes anything).
 */
@Path("/opt-out")
@FormPage
@Produces(MediaType.TEXT_HTML)
public class OptOutPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance optOut(
                Page page, String trackingNumber, String code, Map<String, String> errors, Notice notice, boolean done);
    }

    private final PageContext context;
    private final OptOutsClient optOuts;
    private final ClientAddress clients;
    private final Texts texts;

    OptOutPage(PageContext context, @RestClient OptOutsClient optOuts, ClientAddress clients, Texts texts) {
        this.context = context;
        this.optOuts = optOuts;
        this.clients = clients;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> form(
            @QueryParam("trackingNumber") String trackingNumber, @QueryParam("code") String code) {
        return show(200, TrackingNumberInput.clean(trackingNumber), shortened(code), new FieldErrors(), null, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> optOut(
            @RestForm String trackingNumber, @RestForm String optOutCode, @Context HttpServerRequest http) {
        String number = TrackingNumberInput.clean(trackingNumber);
        String code = shortened(optOutCode);
        String citizen = clients.of(http);
        return ServiceCall.call(optOuts.optOut(citizen, new OptOutsClient.OptOut(number, code)), "An opt-out")
                .map(result -> {
                    if (result.refusal() == null) {
                        return show(200, number, code, new FieldErrors(), null, true);
                    }
                    ServiceCall.Refusal refusal = result.refusal();
                    SiteMessages words = texts.bundle(SiteMessages.class, context.language());
                    FieldErrors errors = new FieldErrors().addViolations(refusal.violations(), field -> field);
                    Notice notice = switch (refusal.status()) {
                        case 400 -> null;
                        case 404 -> Notice.error(words.opt_out_not_found());
                        case 429 ->
                            Notice.error(words.status_throttled(Math.max(1, (refusal.retryAfterSeconds() + 59) / 60)));
                        default -> Notice.error(words.relay_unavailable());
                    };
                    return show(refusal.status(), number, code, errors, notice, false);
                });
    }

    private RestResponse<TemplateInstance> show(
            int status, String number, String code, FieldErrors errors, Notice notice, boolean done) {
        Page page = context.page();
        TemplateInstance view = Templates.optOut(page, number, code, errors.in(texts.common(page.lang())), notice, done)
                .setLocale(page.lang().locale());
        return PageResponse.of(status, view);
    }

    private static String shortened(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String stripped = code.strip();
        return stripped.length() > 16 ? stripped.substring(0, 16) : stripped;
    }
}
