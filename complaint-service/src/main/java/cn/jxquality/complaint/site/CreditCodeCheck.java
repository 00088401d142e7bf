package cn.jxquality.complaint.site;

import cn.jxquality.complaint.intake.UnifiedSocialCreditCode;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.Texts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /fragments/credit-code}: the live check beside the credit-code field (htmx swaps it in as the citizen
 * types): nothing for an empty field, a confirmation or what is wrong (GB 32100-2015's check character).
 */
@Path("/fragments/credit-code")
public class CreditCodeCheck {

    private final PageContext context;
    private final Texts texts;

    CreditCodeCheck(PageContext context, Texts texts) {
        this.context = context;
        this.texts = texts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String check(@QueryParam("creditCode") String creditCode) {
        String code = creditCode == null ? "" : creditCode.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            return "";
        }
        var words = texts.common(context.language());
        if (UnifiedSocialCreditCode.isValid(code)) {
            return "<span class=\"check--ok\">✓ " + words.credit_code_valid() + "</span>";
        }
        String why = code.length() == 18 ? words.credit_code_bad_check() : words.credit_code_length(code.length());
        return "<span class=\"check--bad\">✗ " + why + "</span>";
    }
}
