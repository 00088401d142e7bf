package cn.jxquality.notify.contact;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** complaint-service's internal contact look-up, called with this service's client-credentials token. */
@RegisterRestClient(configKey = "complaint-service")
@OidcClientFilter
@Path("/internal/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
public interface ComplaintContactClient {

    @POST
    @Path("/contact-lookups")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Contacts> lookUp(ContactLookup lookup);
}
