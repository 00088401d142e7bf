package cn.jxquality.complaint.site;

import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /signed-out}: where Keycloak sends staff after signing out of the console. */
@Path("/signed-out")
@FormPage
@Produces(MediaType.TEXT_HTML)
public class SignedOutPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut(Page page);
    }

    private final PageContext context;

    SignedOutPage(PageContext context) {
        this.context = context;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance signedOut() {
        Page page = context.page();
        return Templates.signedOut(page).setLocale(page.lang().locale());
    }
}
