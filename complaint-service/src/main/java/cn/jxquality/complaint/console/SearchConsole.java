package cn.jxquality.complaint.console;

import cn.jxquality.complaint.intake.UnifiedSocialCreditCode;
import cn.jxquality.complaint.page.FieldErrors;
import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.IntakeOptions;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.Texts;
import cn.jxquality.complaint.search.ComplaintSearch;
import cn.jxquality.complaint.search.SearchCriteria;
import cn.jxquality.complaint.search.SearchPage;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /console/search}: find complaints by the caller's mobile, a tracking number, the business (credit code or
 * name) or words of the description; every filter is in the URL, pages go on with a cursor.
 */
@Path("/console/search")
@FormPage
@RolesAllowed({"operator", "supervisor"})
@Produces(MediaType.TEXT_HTML)
public class SearchConsole {

    /** The filters as typed (and as the next page's link repeats them). */
    public record Filters(String mobile, String trackingNumber, String enterprise, String q) {

        boolean isEmpty() {
            return blank(mobile) && blank(trackingNumber) && blank(enterprise) && blank(q);
        }

        /** This search's query string, for the next page's link. */
        public String query() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("mobile", mobile);
            values.put("trackingNumber", trackingNumber);
            values.put("enterprise", enterprise);
            values.put("q", q);
            return values.entrySet().stream()
                    .filter(e -> !blank(e.getValue()))
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(
                Page page, Filters filters, Map<String, String> errors, SearchPage results, IntakeOptions options);
    }

    private final ConsoleFrame frame;
    private final ComplaintSearch search;
    private final IntakeOptions options;
    private final Texts texts;

    SearchConsole(ConsoleFrame frame, ComplaintSearch search, IntakeOptions options, Texts texts) {
        this.frame = frame;
        this.search = search;
        this.options = options;
        this.texts = texts;
    }

    @GET
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> search(
            @QueryParam("mobile") String mobile,
            @QueryParam("trackingNumber") String trackingNumber,
            @QueryParam("enterprise") String enterprise,
            @QueryParam("q") String q,
            @QueryParam("after") String after) {
        Filters filters = new Filters(mobile, trackingNumber, enterprise, q);
        if (filters.isEmpty()) {
            return Uni.createFrom().item(show(200, filters, new FieldErrors(), null));
        }
        SearchCriteria criteria;
        try {
            criteria = criteria(filters, after);
        } catch (ProblemException e) {
            FieldErrors errors = new FieldErrors().addViolations(e.problem().violations(), SearchConsole::formField);
            return Uni.createFrom().item(show(400, filters, errors, null));
        }
        return search.search(criteria).map(results -> show(200, filters, new FieldErrors(), results));
    }

    /** The enterprise box takes a credit code when it is one, else a part of the name. */
    private static SearchCriteria criteria(Filters f, String after) {
        String enterprise = blank(f.enterprise()) ? null : f.enterprise().strip();
        boolean isCode = enterprise != null && UnifiedSocialCreditCode.isValid(enterprise.toUpperCase(Locale.ROOT));
        return SearchCriteria.parse(
                f.mobile(),
                f.trackingNumber(),
                isCode ? enterprise : null,
                isCode ? null : enterprise,
                f.q(),
                after,
                "20");
    }

    private static String formField(String field) {
        return switch (field) {
            case "creditCode", "name" -> "enterprise";
            default -> field;
        };
    }

    private RestResponse<TemplateInstance> show(int status, Filters filters, FieldErrors errors, SearchPage results) {
        Page page = frame.page(ConsoleFrame.Entry.SEARCH);
        TemplateInstance view = Templates.search(page, filters, errors.in(texts.common(page.lang())), results, options)
                .setLocale(page.lang().locale());
        return PageResponse.of(status, view);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
