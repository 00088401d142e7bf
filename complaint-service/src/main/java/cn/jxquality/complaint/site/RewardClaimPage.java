package cn.jxquality.complaint.site;

import cn.jxquality.complaint.intake.IdType;
import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.IntakeOptions;
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
import jakarta.ws.rs.BeanParam;
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
 * {@code /reward-claim}: the reporter claims a notified reward (the SMS links here) with the report's tracking number
 * and query code, their identity and their own bank account. case-service decides; this page says what it decided.
 */
@Path("/reward-claim")
@FormPage
@Produces(MediaType.TEXT_HTML)
public class RewardClaimPage {

    /** The claim form as posted. */
    public static class ClaimForm {
        @RestForm
        public String trackingNumber;

        @RestForm
        public String queryCode;

        @RestForm
        public String claimantName;

        @RestForm
        public String idType;

        @RestForm
        public String idNumber;

        @RestForm
        public String bankName;

        @RestForm
        public String bankAccountNumber;

        @RestForm
        public String bankAccountHolder;

        /** The claim as case-service takes it: blanks dropped, numbers without spaces, the document type typed. */
        RewardClaimsClient.Claim claim() {
            return new RewardClaimsClient.Claim(
                    TrackingNumberInput.clean(trackingNumber),
                    strip(queryCode),
                    strip(claimantName),
                    idType(strip(idType)),
                    strip(idNumber) == null ? null : strip(idNumber).toUpperCase(java.util.Locale.ROOT),
                    strip(bankName),
                    strip(bankAccountNumber) == null
                            ? null
                            : strip(bankAccountNumber).replaceAll("[\\s-]", ""),
                    strip(bankAccountHolder));
        }

        /** A type the form does not offer is sent as none, which case-service refuses naming {@code idType}. */
        private static IdType idType(String value) {
            return value == null
                    ? null
                    : java.util.Arrays.stream(IdType.values())
                            .filter(type -> type.name().equals(value))
                            .findFirst()
                            .orElse(null);
        }

        private static String strip(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance claim(
                Page page,
                ClaimForm form,
                Map<String, String> errors,
                Notice notice,
                IntakeOptions.Choices choices,
                RewardClaimsClient.Receipt done);
    }

    private final PageContext context;
    private final RewardClaimsClient claims;
    private final ClientAddress clients;
    private final IntakeOptions options;
    private final Texts texts;

    RewardClaimPage(
            PageContext context,
            @RestClient RewardClaimsClient claims,
            ClientAddress clients,
            IntakeOptions options,
            Texts texts) {
        this.context = context;
        this.claims = claims;
        this.clients = clients;
        this.options = options;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> form(@QueryParam("trackingNumber") String trackingNumber) {
        ClaimForm form = new ClaimForm();
        form.trackingNumber = TrackingNumberInput.clean(trackingNumber);
        return show(200, form, new FieldErrors(), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> claim(@BeanParam ClaimForm form, @Context HttpServerRequest http) {
        String citizen = clients.of(http);
        return ServiceCall.call(claims.claim(citizen, form.claim()), "A reward claim")
                .map(result -> result.refusal() == null
                        ? show(200, form, new FieldErrors(), null, result.answer())
                        : refused(form, result.refusal()));
    }

    private RestResponse<TemplateInstance> refused(ClaimForm form, ServiceCall.Refusal refusal) {
        SiteMessages words = texts.bundle(SiteMessages.class, context.language());
        FieldErrors errors = new FieldErrors().addViolations(refusal.violations(), field -> field);
        Notice notice = switch (refusal.status()) {
            case 400 -> null;
            case 403 -> Notice.error(words.claim_identity_mismatch());
            case 404 -> Notice.error(words.claim_not_found());
            case 409 -> Notice.warning(words.claim_conflict());
            case 429 -> Notice.error(words.status_throttled(Math.max(1, (refusal.retryAfterSeconds() + 59) / 60)));
            default -> Notice.error(words.relay_unavailable());
        };
        return PageResponse.retryLater(show(refusal.status(), form, errors, notice, null), refusal.retryAfterSeconds());
    }

    private RestResponse<TemplateInstance> show(
            int code, ClaimForm form, FieldErrors errors, Notice notice, RewardClaimsClient.Receipt done) {
        Page page = context.page();
        TemplateInstance view = Templates.claim(
                        page, form, errors.in(texts.common(page.lang())), notice, options.in(page.lang()), done)
                .setLocale(page.lang().locale());
        return PageResponse.of(code, view);
    }
}
