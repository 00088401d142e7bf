package cn.jxquality.notify.contact;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** complaint-service's internal contact endpoint, called with this service's client-credentials token. */
@RegisterRestClient(configKey = "complaint-service")
@OidcClientFilter
@Path("/internal/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
public interface ComplaintContactClient {

    @GET
    @Path("/{complaintId}/contact")
    Uni<Contact> contact(@PathParam("complaintId") UUID complaintId);
}
