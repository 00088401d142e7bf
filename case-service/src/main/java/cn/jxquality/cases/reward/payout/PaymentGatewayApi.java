package cn.jxquality.cases.reward.payout;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The payment gateway's HTTP API as this service uses it ({@code quarkus.rest-client.payment-gateway.*}). */
@RegisterRestClient(configKey = "payment-gateway")
@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PaymentGatewayApi {

    @POST
    Uni<Payment> pay(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            Order order);

    @GET
    @Path("/{idempotencyKey}")
    Uni<Payment> payment(
            @HeaderParam("Authorization") String authorization, @PathParam("idempotencyKey") String idempotencyKey);

    /** The order as the gateway takes it; amounts in fen. */
    record Order(
            String orderId,
            long amountFen,
            String currency,
            String payeeName,
            String payeeBank,
            String payeeAccount,
            String memo) {

        @Override
        public String toString() {
            return "Order[" + orderId + "]";
        }
    }

    /** A payment the gateway made (status {@code PAID}) or is still making. */
    record Payment(String paymentReference, String status) {}
}
