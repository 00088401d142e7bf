package cn.jxquality.cases.reward.payout;

import cn.jxquality.cases.reward.Reward;
import cn.jxquality.cases.reward.RewardCommand;
import cn.jxquality.cases.reward.RewardJournal;
import cn.jxquality.cases.reward.RewardRefusedException;
import cn.jxquality.cases.reward.RewardStaff;
import cn.jxquality.cases.reward.RewardState;
import cn.jxquality.cases.reward.RewardStateMachine;
import cn.jxquality.cases.reward.RewardsConfig;
import cn.jxquality.cases.reward.claim.ClaimCipher;
import cn.jxquality.cases.reward.claim.ClaimData;
import cn.jxquality.cases.reward.claim.RewardClaim;
import cn.jxquality.cases.reward.payout.PaymentGateway.PaymentOrder;
import cn.jxquality.cases.reward.payout.PaymentGateway.PaymentRefusedException;
import cn.jxquality.cases.reward.payout.PaymentGateway.PaymentUnconfirmedException;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Pays a claimed reward exactly once. A try first takes the reward (row lock, version check, a lease so a second
 * try meanwhile is refused) and fixes the payout's idempotency key on the first try; then the gateway is asked
 * outside any transaction; then PAID is recorded, where a unique index allows one PAID ledger line per reward.
 * When the gateway does not answer, it is asked under the same key whether it paid; if that stays unknown the
 * try is left UNCONFIRMED and a later try re-sends the same key, which the gateway pays at most once.
 */
@ApplicationScoped
public class Payouts {

    private final PaymentGateway gateway;
    private final ClaimCipher cipher;
    private final RewardStateMachine machine;
    private final RewardJournal journal;
    private final ObjectMapper json;
    private final Duration lease;

    Payouts(
            PaymentGateway gateway,
            ClaimCipher cipher,
            RewardStateMachine machine,
            RewardJournal journal,
            ObjectMapper json,
            RewardsConfig config) {
        this.gateway = gateway;
        this.cipher = cipher;
        this.machine = machine;
        this.journal = journal;
        this.json = json;
        this.lease = config.payment().lease();
    }

    public Uni<Reward> pay(RewardStaff finance, UUID rewardId, int version) {
        return take(finance, rewardId, version)
                .flatMap(order -> gateway.pay(order)
                        .onFailure(PaymentUnconfirmedException.class)
                        .recoverWithUni(e -> askAgain(order, e))
                        .onFailure()
                        .call(e -> release(finance, order, e))
                        .onFailure()
                        .transform(Payouts::problem)
                        .flatMap(reference -> paid(finance, order, reference)));
    }

    /** Takes the reward for this try and yields the order to send; refuses what may not be paid now. */
    private Uni<PaymentOrder> take(RewardStaff finance, UUID rewardId, int version) {
        return Panache.withTransaction(() -> Reward.<Reward>findById(rewardId, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(reward -> {
                    payable(reward, rewardId, version);
                    Instant now = Instant.now();
                    if (reward.payoutKey == null) {
                        reward.payoutKey = UUID.randomUUID();
                    }
                    reward.payoutLeaseUntil = now.plus(lease);
                    return PayoutEntry.of(
                                    reward.id,
                                    PayoutEntry.REQUESTED,
                                    reward.payoutKey,
                                    reward.amountFen,
                                    finance.name(),
                                    null)
                            .persist()
                            .flatMap(saved -> RewardClaim.<RewardClaim>findById(reward.id))
                            .map(claim -> order(reward, claim));
                }));
    }

    private void payable(Reward reward, UUID rewardId, int version) {
        if (reward == null) {
            throw ProblemException.notFound("No reward " + rewardId + ".");
        }
        if (reward.version != version) {
            throw ProblemException.stale("The reward is at version " + reward.version + ", not " + version
                    + "; read it again before paying it.");
        }
        try {
            machine.decide(reward.situation(), new RewardCommand.Pay("pending"));
        } catch (RewardRefusedException e) {
            throw new ProblemException(Problem.of("reward-conflict", "Conflict", 409, e.getMessage()));
        }
        if (reward.payoutLeaseUntil != null && reward.payoutLeaseUntil.isAfter(Instant.now())) {
            throw new ProblemException(Problem.of(
                    "payout-under-way", "Conflict", 409, "A payout of this reward is under way; read it again later."));
        }
    }

    private PaymentOrder order(Reward reward, RewardClaim claim) {
        ClaimData data = open(claim);
        return new PaymentOrder(
                reward.id,
                reward.payoutKey,
                reward.amountFen,
                data.bankAccountHolder(),
                data.bankName(),
                data.bankAccountNumber(),
                "举报奖励 Reward for report " + reward.trackingNumber);
    }

    private ClaimData open(RewardClaim claim) {
        try {
            byte[] plain = cipher.open(claim.rewardId, new ClaimCipher.Sealed(claim.keyId, claim.sealedData));
            return json.readValue(plain, ClaimData.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway did not answer: did it pay under this key? Unknown stays unconfirmed. */
    private Uni<String> askAgain(PaymentOrder order, Throwable unanswered) {
        return gateway.paymentUnder(order.idempotencyKey())
                .onFailure()
                .recoverWithItem(Optional.empty())
                .map(reference -> reference.orElseThrow(() -> (PaymentUnconfirmedException) unanswered));
    }

    /** Records a payment the gateway confirmed for the key later (see {@link PayoutReconciler}). */
    Uni<Reward> settle(UUID rewardId, UUID idempotencyKey, String reference) {
        RewardStaff system = new RewardStaff("system", "system");
        return paid(system, new PaymentOrder(rewardId, idempotencyKey, 0, null, null, null, null), reference);
    }

    private Uni<Reward> paid(RewardStaff finance, PaymentOrder order, String reference) {
        return Panache.withTransaction(() -> Reward.<Reward>findById(order.rewardId(), LockModeType.PESSIMISTIC_WRITE)
                .flatMap(reward -> {
                    if (reward.state == RewardState.PAID && reference.equals(reward.paymentReference)) {
                        return Uni.createFrom().item(reward); // the same payment, recorded by another try
                    }
                    RewardState from = reward.state;
                    reward.state = machine.decide(reward.situation(), new RewardCommand.Pay(reference))
                            .state();
                    reward.paidAt = Instant.now();
                    reward.paymentReference = reference;
                    reward.payoutLeaseUntil = null;
                    reward.publicNote = "奖励已发放 Your reward was paid: " + yuan(reward.amountFen);
                    PayoutEntry line = PayoutEntry.of(
                            reward.id,
                            PayoutEntry.PAID,
                            order.idempotencyKey(),
                            reward.amountFen,
                            finance.name(),
                            null);
                    line.paymentReference = reference;
                    return line.persist()
                            .flatMap(saved -> journal.step(reward, from, finance.name(), finance.role(), reference))
                            .replaceWith(reward);
                }));
    }

    /** Records the unanswered or refused try and frees the reward for the next one (with the same key). */
    private Uni<Void> release(RewardStaff finance, PaymentOrder order, Throwable failure) {
        String entry = failure instanceof PaymentRefusedException ? PayoutEntry.FAILED : PayoutEntry.UNCONFIRMED;
        Log.warnf("Payout of reward %s: %s (%s)", order.rewardId(), entry, failure.getMessage());
        return Panache.withTransaction(() -> Reward.<Reward>findById(order.rewardId(), LockModeType.PESSIMISTIC_WRITE)
                .flatMap(reward -> {
                    reward.payoutLeaseUntil = null;
                    String note = failure.getMessage() == null
                            ? null
                            : failure.getMessage()
                                    .substring(
                                            0,
                                            Math.min(500, failure.getMessage().length()));
                    return PayoutEntry.of(
                                    reward.id, entry, order.idempotencyKey(), order.amountFen(), finance.name(), note)
                            .persist()
                            .replaceWithVoid();
                }));
    }

    private static Throwable problem(Throwable failure) {
        if (failure instanceof PaymentRefusedException) {
            return new ProblemException(Problem.of(
                    "payment-refused",
                    "Payment refused",
                    409,
                    "The payment gateway refused the payment; nothing was paid. Check the claim's bank account."));
        }
        if (failure instanceof PaymentUnconfirmedException) {
            return ProblemException.unavailable(
                    "payment-unconfirmed",
                    "The payment gateway did not confirm the payment. Pay again later: the retry is sent under the"
                            + " same idempotency key, so the reward is never paid twice.",
                    30);
        }
        return failure;
    }

    static String yuan(long fen) {
        return String.format("¥%d.%02d", fen / 100, fen % 100);
    }
}
