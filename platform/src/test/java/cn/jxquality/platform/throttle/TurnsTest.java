package cn.jxquality.platform.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Work on a shared key one piece at a time; on other keys side by side; every place given back. */
class TurnsTest {

    private final Turns turns = new Turns();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    /** A piece that runs for a while on another thread, noting how many pieces ran at once. */
    private Uni<Integer> piece() {
        return Uni.createFrom()
                .item(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    return 1;
                })
                .onItem()
                .delayIt()
                .by(Duration.ofMillis(20))
                .invoke(() -> running.decrementAndGet());
    }

    @Test
    void piecesOnTheSameKeyRunOneAtATime() throws Exception {
        CompletableFuture<?>[] all = new CompletableFuture<?>[20];
        for (int i = 0; i < all.length; i++) {
            all[i] = turns.inTurn("number:A", this::piece).subscribeAsCompletionStage();
        }
        CompletableFuture.allOf(all).get(10, TimeUnit.SECONDS);
        assertEquals(1, most.get(), "one at a time on number:A");
        assertEquals(0, turns.busy(), "every place given back");
    }

    @Test
    void piecesOnOtherKeysRunSideBySide() throws Exception {
        CompletableFuture<?>[] all = new CompletableFuture<?>[10];
        for (int i = 0; i < all.length; i++) {
            all[i] = turns.inTurn("number:" + i, this::piece).subscribeAsCompletionStage();
        }
        CompletableFuture.allOf(all).get(10, TimeUnit.SECONDS);
        assertEquals(10, most.get());
    }

    @Test
    void manyPiecesOnOneKeyAllEndAndLeaveNoPlaceBehind() throws Exception {
        CompletableFuture<?>[] all = new CompletableFuture<?>[200];
        for (int i = 0; i < all.length; i++) {
            all[i] = turns.inTurn("a", () -> Uni.createFrom().item(1)).subscribeAsCompletionStage();
        }
        CompletableFuture.allOf(all).get(10, TimeUnit.SECONDS);
        assertEquals(0, turns.busy());
    }

    @Test
    void aPieceCancelledWhileWaitingOrWorkingGivesItsPlaceBack() throws Exception {
        CompletableFuture<Void> hold = new CompletableFuture<>();
        Cancellable working = turns.inTurn("k", () -> Uni.createFrom().completionStage(hold))
                .subscribe()
                .with(v -> {});
        Cancellable waiting =
                turns.inTurn("k", () -> Uni.createFrom().item(1)).subscribe().with(v -> {});
        working.cancel();
        waiting.cancel();
        assertEquals(
                1, turns.inTurn("k", () -> Uni.createFrom().item(1)).await().atMost(Duration.ofSeconds(5)));
        assertEquals(0, turns.busy());
    }
}
