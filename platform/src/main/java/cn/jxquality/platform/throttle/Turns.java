package cn.jxquality.platform.throttle;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Work on the same key done one piece at a time in this JVM: a piece starts once every earlier piece sharing one of its
 * keys has ended. Uncontended, it starts at once, on the caller's thread; contended, it resumes on the caller's Vert.x
 * context. A piece takes its place behind all its keys in one step (under a lock held for that step only), so two
 * pieces never wait for each other.
 */
final class Turns {

    private final ConcurrentHashMap<String, CompletableFuture<Void>> last = new ConcurrentHashMap<>();

    /** {@code work}, subscribed once its turn on each of {@code keys} has come; its place is taken on subscription. */
    <T> Uni<T> inTurn(Collection<String> keys, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Set<String> distinct = new TreeSet<>(keys);
            CompletableFuture<Void> mine = new CompletableFuture<>();
            List<CompletableFuture<Void>> before = new ArrayList<>(distinct.size());
            synchronized (this) {
                for (String key : distinct) {
                    CompletableFuture<Void> previous = last.put(key, mine);
                    if (previous != null && !previous.isDone()) {
                        before.add(previous);
                    }
                }
            }
            Uni<T> result = before.isEmpty()
                    ? Uni.createFrom().<T>deferred(work::get)
                    : after(before).flatMap(v -> work.get());
            return result.onTermination()
                    .invoke(
                            () -> { // ended, failed or cancelled, waiting or working
                                mine.complete(null);
                                distinct.forEach(key -> last.remove(key, mine));
                            });
        });
    }

    private static Uni<Void> after(List<CompletableFuture<Void>> before) {
        Uni<Void> waited =
                Uni.createFrom().completionStage(CompletableFuture.allOf(before.toArray(CompletableFuture[]::new)));
        Context context = Vertx.currentContext();
        return context == null ? waited : waited.emitOn(task -> context.runOnContext(v -> task.run()));
    }

    /** Keys with a piece running or waiting (for tests). */
    int busy() {
        return last.size();
    }
}
