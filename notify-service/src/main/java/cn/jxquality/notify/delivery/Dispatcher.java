package cn.jxquality.notify.delivery;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Delivers recorded notifications in a step of its own: each pass leases due rows with
 * {@code FOR UPDATE SKIP LOCKED} (any number of replicas share the work, none sends a row another holds)
 * and tries them concurrently.
 */
@ApplicationScoped
public class Dispatcher {

    private final DeliveryLedger ledger;
    private final DeliveryAttempt attempt;
    private final Targets targets;
    private final DeliveryConfig config;
    private final Clock clock;

    Dispatcher(DeliveryLedger ledger, DeliveryAttempt attempt, Targets targets, DeliveryConfig config, Clock clock) {
        this.ledger = ledger;
        this.attempt = attempt;
        this.targets = targets;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            identity = "notification-dispatcher",
            every = "${notify.delivery.interval:1s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatch() {
        Instant now = clock.instant();
        return ledger.lease(now, now.plus(config.lease()), config.batchSize())
                .flatMap(this::tryAll)
                .onFailure()
                .invoke(e -> Log.warnf("Dispatcher pass failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Starts a pass now rather than at the next tick, e.g. right after new rows were committed; safe beside a
     * scheduled pass because rows are leased, and nothing is lost if it fails (the rows stay due).
     */
    public void kick() {
        dispatch().subscribe().with(ignored -> {}, failure -> {});
    }

    private Uni<Void> tryAll(List<PendingNotification> due) {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Targets.Pass lookups = targets.pass();
        List<Uni<Void>> tries = due.stream().map(n -> tryOne(n, lookups)).toList();
        return Uni.join().all(tries).andCollectFailures().replaceWithVoid();
    }

    /** A row whose try broke (e.g. the database) keeps its lease and is taken again when it expires. */
    private Uni<Void> tryOne(PendingNotification n, Targets.Pass lookups) {
        return attempt.run(n, lookups)
                .onFailure()
                .invoke(e -> Log.warnf("Delivery of notification %s broke: %s", n.id(), e.getMessage()))
                .onFailure()
                .recoverWithNull();
    }
}
