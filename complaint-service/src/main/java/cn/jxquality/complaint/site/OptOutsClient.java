package cn.jxquality.complaint.site;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notify-service's public opt-out, called for the citizen on the opt-out page with this service's own token (realm
 * role {@code citizen-relay}), so notify-service throttles the citizen's address rather than this service's.
 */
@RegisterRestClient(configKey = "notify-service")
@OidcClientFilter
@Path("/api/v1/opt-outs")
public interface OptOutsClient {

    /** The opt-out as notify-service takes it. */
    record OptOut(String trackingNumber, String optOutCode) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> optOut(@HeaderParam("X-Forwarded-For") String citizen, OptOut optOut);
}
