package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.FormPage;
import cn.jxquality.complaint.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /console}: where staff land after signing in, with the pages their roles open. */
@Path("/console")
@FormPage
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ConsoleHome {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page page, List<ConsoleFrame.Entry> entries);
    }

    private final ConsoleFrame frame;

    ConsoleHome(ConsoleFrame frame) {
        this.frame = frame;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance home() {
        Page page = frame.page(ConsoleFrame.Entry.HOME);
        return Templates.home(page, frame.entries()).setLocale(page.lang().locale());
    }
}
