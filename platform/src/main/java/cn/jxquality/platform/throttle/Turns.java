package cn.jxquality.platform.throttle;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Work on the same key done one piece at a time in this JVM: a piece starts once the piece before it on its key has
 * ended. Uncontended, it starts at once, on the caller's thread; contended, it resumes on the caller's Vert.x context.
 * A piece takes its place with one atomic {@code put}, so the pieces of a key form a queue and no lock is held.
 */
final class Turns {

    private final ConcurrentHashMap<String, CompletableFuture<Void>> last = new ConcurrentHashMap<>();

    /** {@code work}, subscribed once its turn on {@code key} has come; its place is taken on subscription. */
    <T> Uni<T> inTurn(String key, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> previous = last.put(key, mine);
            Uni<T> result = previous == null || previous.isDone()
                    ? Uni.createFrom().<T>deferred(work::get)
                    : after(previous).flatMap(v -> work.get());
            return result.onTermination()
                    .invoke(
                            () -> { // ended, failed or cancelled, waiting or working
                                mine.complete(null);
                                last.remove(key, mine);
                            });
        });
    }

    private static Uni<Void> after(CompletableFuture<Void> previous) {
        Uni<Void> waited = Uni.createFrom().completionStage(previous);
        Context context = Vertx.currentContext();
        return context == null ? waited : waited.emitOn(task -> context.runOnContext(v -> task.run()));
    }

    /** Keys with a piece running or waiting (for tests). */
    int busy() {
        return last.size();
    }
}
