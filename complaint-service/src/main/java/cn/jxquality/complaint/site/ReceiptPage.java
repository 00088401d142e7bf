package cn.jxquality.complaint.site;

import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.PageResponse;
import cn.jxquality.complaint.page.QrCode;
import cn.jxquality.complaint.page.ReceiptCookie;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /receipt/{trackingNumber}}: the tracking number and the query code, once, printable, with a QR code that opens
 * the status page with both filled in. Without the receipt cookie of the submission it says where to go instead.
 */
@Path("/receipt/{trackingNumber}")
@FormPage
@Produces(MediaType.TEXT_HTML)
public class ReceiptPage {

    /** One record's receipt as shown: its codes, how to read them out, and its QR code. */
    public record Shown(ReceiptCookie.Entry entry, String statusUrl, QrCode.Svg qr) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance receipt(
                Page page, String trackingNumber, ReceiptCookie.Receipt receipt, java.util.List<Shown> shown);
    }

    private final PageContext context;
    private final ReceiptCookie receipts;

    ReceiptPage(PageContext context, ReceiptCookie receipts) {
        this.context = context;
        this.receipts = receipts;
    }

    @GET
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> receipt(@PathParam("trackingNumber") String trackingNumber) {
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        Page page = context.page();
        var receipt = receipts.get(context, number).orElse(null);
        var shown = receipt == null
                ? java.util.List.<Shown>of()
                : receipt.records().stream().map(this::shown).toList();
        TemplateInstance view = Templates.receipt(page, number, receipt, shown)
                .setLocale(page.lang().locale());
        return PageResponse.of(200, view);
    }

    private Shown shown(ReceiptCookie.Entry entry) {
        String status = context.baseUrl() + "/status?trackingNumber="
                + URLEncoder.encode(entry.trackingNumber(), StandardCharsets.UTF_8);
        return new Shown(entry, status, QrCode.of(status + "#code=" + entry.queryCode()));
    }
}
