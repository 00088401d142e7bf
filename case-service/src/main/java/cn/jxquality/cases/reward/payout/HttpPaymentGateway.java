package cn.jxquality.cases.reward.payout;

import cn.jxquality.cases.reward.RewardsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The payment gateway over HTTP (URL and timeouts under {@code quarkus.rest-client.payment-gateway}, basic-auth
 * credentials under {@code rewards.payment.*}). A 4xx answer other than 408, 409 and 429 means the gateway did
 * not pay; anything else without an answer (timeout, 5xx, no connection) may have paid.
 */
@ApplicationScoped
public class HttpPaymentGateway implements PaymentGateway {

    private final PaymentGatewayApi api;
    private final String authorization;

    HttpPaymentGateway(@RestClient PaymentGatewayApi api, RewardsConfig config) {
        this.api = api;
        String credentials = config.payment().username().orElse("") + ":"
                + config.payment().password().orElse("");
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Uni<String> pay(PaymentOrder order) {
        PaymentGatewayApi.Order body = new PaymentGatewayApi.Order(
                order.rewardId().toString(),
                order.amountFen(),
                "CNY",
                order.payeeName(),
                order.bankName(),
                order.accountNumber(),
                order.memo());
        return api.pay(authorization, order.idempotencyKey().toString(), body)
                .onFailure()
                .transform(HttpPaymentGateway::classify)
                .map(payment -> {
                    if (!"PAID".equals(payment.status()) || payment.paymentReference() == null) {
                        throw new PaymentUnconfirmedException("the gateway answered " + payment.status(), null);
                    }
                    return payment.paymentReference();
                });
    }

    @Override
    public Uni<Optional<String>> paymentUnder(UUID idempotencyKey) {
        return api.payment(authorization, idempotencyKey.toString())
                .map(payment -> "PAID".equals(payment.status())
                        ? Optional.ofNullable(payment.paymentReference())
                        : Optional.<String>empty())
                .onFailure(e -> e instanceof WebApplicationException wae
                        && wae.getResponse().getStatus() == 404)
                .recoverWithItem(Optional.empty());
    }

    private static Throwable classify(Throwable failure) {
        if (failure instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 408 && status != 409 && status != 429) {
                return new PaymentRefusedException("the gateway refused the payment with status " + status);
            }
        }
        return new PaymentUnconfirmedException(
                "no answer from the payment gateway: " + failure.getClass().getSimpleName(), failure);
    }
}
