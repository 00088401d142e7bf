package cn.jxquality.notify.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers recorded notifications in a step of its own: each pass leases due rows with
 * {@code FOR UPDATE SKIP LOCKED} (any number of replicas share the work, none sends a row another holds)
 * and tries them concurrently.
 */
@ApplicationScoped
public class Dispatcher {

    /** Kicked passes that may run at once (a slow gateway holds one pass, not every delivery). */
    static final int KICKED_PASSES = 2;

    private final DeliveryLedger ledger;
    private final DeliveryAttempt attempt;
    private final Targets targets;
    private final DeliveryConfig config;
    private final Clock clock;
    private final AtomicBoolean kicked = new AtomicBoolean();
    /** Set as the service shuts down: the database pool closes under a pass, so none starts after this. */
    private volatile boolean stopping;

    private final AtomicInteger kickedPasses = new AtomicInteger();

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
        return pass().replaceWithVoid();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** One pass: leases due rows and tries them; yields how many it leased (0 when the pass failed or shutdown began). */
    private Uni<Integer> pass() {
        if (stopping) {
            return Uni.createFrom().item(0); // rows still due are leased by another replica, or after the restart
        }
        Instant now = clock.instant();
        return ledger.lease(now, now.plus(config.lease()), config.batchSize())
                .flatMap(due -> tryAll(due).replaceWith(due.size()))
                .onFailure()
                .invoke(e -> Log.warnf("Dispatcher pass failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithItem(0);
    }

    /**
     * Starts a pass now rather than at the next tick, e.g. right after new rows were committed; safe beside a
     * scheduled pass because rows are leased, and nothing is lost if it fails (the rows stay due). Kicks coalesce:
     * at most {@link #KICKED_PASSES} kicked passes run at once, and kicks that arrive meanwhile start one more pass
     * when one ends, which leases everything committed before it. Under load a pass then sends a batch rather than
     * each event leasing on its own, mostly to find its rows already taken.
     */
    public void kick() {
        kicked.set(true);
        startKickedPass();
    }

    private void startKickedPass() {
        while (kicked.get()) {
            int passes = kickedPasses.get();
            if (passes >= KICKED_PASSES) {
                return; // the pass that ends next starts another
            }
            if (kickedPasses.compareAndSet(passes, passes + 1)) {
                kicked.set(false);
                pass().subscribe().with(leased -> kickedPassEnded(leased >= config.batchSize()), failure -> {
                    kickedPassEnded(false);
                });
                return;
            }
        }
    }

    /** A full batch may have left more rows due: then the next pass starts at once. */
    private void kickedPassEnded(boolean fullBatch) {
        if (fullBatch) {
            kicked.set(true);
        }
        kickedPasses.decrementAndGet();
        startKickedPass();
    }

    private Uni<Void> tryAll(List<PendingNotification> due) {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Targets.Pass lookups =
                targets.pass(due.stream().filter(n -> attempt.looksUp(n, now)).toList());
        List<Uni<Void>> tries = due.stream().map(n -> tryOne(n, lookups)).toList();
        return Uni.join().all(tries).andCollectFailures().replaceWithVoid().call(lookups::end);
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
