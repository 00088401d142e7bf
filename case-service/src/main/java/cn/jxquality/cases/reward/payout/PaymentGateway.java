package cn.jxquality.cases.reward.payout;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/**
 * Where rewards are paid: a bank or payment gateway. Every order carries an idempotency key; the gateway pays one
 * key at most once and answers a repeated order with the first payment, so a try whose answer was lost can be
 * repeated safely.
 */
public interface PaymentGateway {

    /**
     * Pays the order; yields the gateway's payment reference. Fails with {@link PaymentRefusedException} when the
     * gateway certainly did not pay, with {@link PaymentUnconfirmedException} when it may have (no answer).
     */
    Uni<String> pay(PaymentOrder order);

    /** The reference of the payment made under the key, empty when the gateway knows of none. */
    Uni<Optional<String>> paymentUnder(UUID idempotencyKey);

    /** One payout: the reward, the key of all its tries, the amount and the payee's account. */
    record PaymentOrder(
            UUID rewardId,
            UUID idempotencyKey,
            long amountFen,
            String payeeName,
            String bankName,
            String accountNumber,
            String memo) {

        @Override
        public String toString() {
            return "PaymentOrder[" + rewardId + ", " + idempotencyKey + ", " + amountFen + " fen]";
        }
    }

    /** The gateway certainly did not pay (e.g. it refused the account). */
    class PaymentRefusedException extends RuntimeException {
        public PaymentRefusedException(String message) {
            super(message);
        }
    }

    /** No answer from the gateway: the payment may or may not have been made. */
    class PaymentUnconfirmedException extends RuntimeException {
        public PaymentUnconfirmedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
