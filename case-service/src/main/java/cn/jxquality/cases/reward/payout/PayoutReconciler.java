package cn.jxquality.cases.reward.payout;

import cn.jxquality.cases.reward.Reward;
import cn.jxquality.cases.reward.RewardState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Settles payouts the gateway did not confirm: for each claimed reward with a payout key and no try under way, the
 * gateway is asked under that key whether it paid; a payment it confirms is recorded as PAID. Nothing is ever sent
 * to be paid from here, so this can run on every replica.
 */
@ApplicationScoped
public class PayoutReconciler {

    static final String UNSETTLED = "state = ?1 and payoutKey is not null"
            + " and (payoutLeaseUntil is null or payoutLeaseUntil < ?2) order by claimedAt";

    private final PaymentGateway gateway;
    private final Payouts payouts;

    PayoutReconciler(PaymentGateway gateway, Payouts payouts) {
        this.gateway = gateway;
        this.payouts = payouts;
    }

    @Scheduled(
            identity = "payout-reconcile",
            every = "${rewards.payment.reconcile-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledReconcile() {
        return reconcile()
                .invoke(settled -> {
                    if (settled > 0) {
                        Log.infof("Payout reconciliation: %d unconfirmed payout(s) confirmed by the gateway", settled);
                    }
                })
                .replaceWithVoid();
    }

    /** Asks about every unsettled payout once; yields how many the gateway confirmed. */
    public Uni<Integer> reconcile() {
        return Panache.withSession(() -> Reward.<Reward>list(UNSETTLED, RewardState.CLAIMED, Instant.now()))
                .flatMap(this::settleAll);
    }

    private Uni<Integer> settleAll(List<Reward> unsettled) {
        Uni<Integer> settled = Uni.createFrom().item(0);
        for (Reward reward : unsettled) {
            settled = settled.flatMap(count -> gateway.paymentUnder(reward.payoutKey)
                    .onFailure()
                    .recoverWithItem(Optional.empty())
                    .flatMap(reference -> reference.isEmpty()
                            ? Uni.createFrom().item(count)
                            : payouts.settle(reward.id, reward.payoutKey, reference.get())
                                    .replaceWith(count + 1)));
        }
        return settled;
    }
}
