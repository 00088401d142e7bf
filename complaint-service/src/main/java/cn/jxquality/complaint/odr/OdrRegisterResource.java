package cn.jxquality.complaint.odr;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The public register of ODR enterprises, for anyone choosing where a complaint goes first. */
@Path("/api/v1/odr/enterprises")
@Tag(name = "ODR")
public class OdrRegisterResource {

    private final EnterpriseRegister register;

    OdrRegisterResource(EnterpriseRegister register) {
        this.register = register;
    }

    /** A registered enterprise as anyone may see it. */
    public record RegisteredEnterprise(String creditCode, String name, String regionCode) {}

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The enterprises a complaint may be sent to first (ODR register)",
            description = "Name, credit code and region of each; give the credit code and `odr.enterpriseFirst` when"
                    + " filing the complaint.")
    public RestResponse<List<RegisteredEnterprise>> enterprises() {
        return RestResponse.ok(register.all().stream()
                .map(e -> new RegisteredEnterprise(e.creditCode(), e.name(), e.regionCode()))
                .toList());
    }
}
