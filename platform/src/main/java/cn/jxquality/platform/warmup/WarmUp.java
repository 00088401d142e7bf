package cn.jxquality.platform.warmup;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The warm-up a service runs on itself between starting and reporting ready. A JVM just started loads, links and
 * compiles its request, event and database paths when the first traffic arrives; on a busy machine those seconds of
 * extra work queue every request behind them (BENCHMARKS.md, "Cold start by the second": p99 of 3–4 s in the first
 * 20 s of traffic, 0.2–0.4 s after). Here the work happens before the readiness check ({@link WarmUpCheck}) lets
 * traffic in: every pooled database connection is opened and prepares the statements of the plans ({@link
 * WarmUpPlan}), then the plans' requests go to the service's own port round after round. Nothing is written: the
 * statements are only prepared, and the requests are ones that change nothing.
 *
 * <p>The warm-up never keeps a service from becoming ready: it stops at its budget, and a failure ends it early.
 */
@Singleton
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final WarmUpConfig config;
    private final Instance<WarmUpPlan> plans;
    private final Instance<Pool> pools;
    private final Instance<ValueRegistry> registry;
    private final int poolSize;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean done;
    private volatile Report report = new Report(0, 0, 0, 0, 0, Map.of());
    private volatile long startedAtNanos = System.nanoTime();

    WarmUp(
            WarmUpConfig config,
            Instance<WarmUpPlan> plans,
            Instance<Pool> pools,
            Instance<ValueRegistry> registry,
            @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20") int poolSize) {
        this.config = config;
        this.plans = plans;
        this.pools = pools;
        this.registry = registry;
        this.poolSize = poolSize;
    }

    void onStart(@Observes StartupEvent ignored) {
        startedAtNanos = System.nanoTime();
        if (!config.enabled()) {
            done = true;
        }
    }

    /** The HTTP server listens: the warm-up can send its requests now, on its own thread. */
    void onListening(@ObservesAsync HttpServerStart server) {
        if (!config.enabled() || !started.compareAndSet(false, true)) {
            return;
        }
        int port = server.options().getPort() > 0 ? server.options().getPort() : boundPort();
        LOG.infof("Warming up on port %d before reporting ready (at most %s)", port, config.budget());
        Thread thread = new Thread(() -> run(port), "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * What the warm-up did: statements prepared per connection, connections, statements that failed to prepare,
     * requests sent, and the requests answered otherwise than their plan expects (method, path and status → times).
     */
    public record Report(
            int statements,
            int connections,
            int failedStatements,
            int requests,
            int exercises,
            Map<String, Integer> unexpected) {}

    public Report report() {
        return report;
    }

    /** True once the warm-up is over, or off, or past its budget (with time to spare) however it is going. */
    public boolean done() {
        return done
                || System.nanoTime() - startedAtNanos
                        > config.budget().plus(REQUEST_TIMEOUT).plusSeconds(5).toNanos();
    }

    private void run(int port) {
        long start = System.nanoTime();
        long deadline = start + config.budget().toNanos();
        try {
            List<String> statements = new ArrayList<>();
            List<WarmUpPlan.Request> requests = new ArrayList<>();
            List<WarmUpPlan.Exercise> exercises = new ArrayList<>();
            for (WarmUpPlan plan : plans) {
                statements.addAll(plan.statements());
                requests.addAll(plan.requests());
                exercises.addAll(plan.exercises());
            }
            Prepared prepared = statements.isEmpty() || !pools.isResolvable()
                    ? new Prepared(0, 0, 0)
                    : prepare(pools.get(), statements.stream().distinct().toList(), deadline);
            Rounds rounds = requests.isEmpty() && exercises.isEmpty()
                    ? new Rounds(0, 0, Map.of())
                    : rounds(port, requests, exercises, deadline);
            Report r = new Report(
                    prepared.statements(),
                    prepared.connections(),
                    prepared.failed(),
                    rounds.requests(),
                    rounds.exercises(),
                    rounds.unexpected());
            report = r;
            LOG.infof(
                    "Warmed up in %.1f s before reporting ready: %d statements prepared on %d connections (%d failed),"
                            + " %d requests to its own port and %d exercises (%d not as expected)",
                    (System.nanoTime() - start) / 1e9,
                    r.statements(),
                    r.connections(),
                    r.failedStatements(),
                    r.requests(),
                    r.exercises(),
                    r.unexpected().values().stream().mapToInt(Integer::intValue).sum());
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("The warm-up stopped early (%s); the service reports ready without the rest of it", e.toString());
        } finally {
            done = true;
        }
    }

    private record Prepared(int statements, int connections, int failed) {}

    private record Rounds(int requests, int exercises, Map<String, Integer> unexpected) {}

    /** Opens every connection of the pool at once and prepares each statement on each. */
    private Prepared prepare(Pool pool, List<String> statements, long deadline) {
        Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        List<Uni<SqlConnection>> opening = new ArrayList<>();
        for (int i = 0; i < poolSize; i++) {
            opening.add(pool.getConnection());
        }
        List<SqlConnection> held = Uni.join().all(opening).andFailFast().await().atMost(left);
        Map<String, String> failures = new ConcurrentHashMap<>();
        try {
            List<Uni<Void>> preparing = new ArrayList<>();
            for (SqlConnection connection : held) {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (String sql : statements) {
                    chain = chain.chain(() -> connection
                            .prepare(sql)
                            .replaceWithVoid()
                            .onFailure()
                            .recoverWithUni(e -> {
                                failures.putIfAbsent(firstLine(sql), String.valueOf(e.getMessage()));
                                return Uni.createFrom().voidItem();
                            }));
                }
                preparing.add(chain);
            }
            Uni.join()
                    .all(preparing)
                    .andFailFast()
                    .await()
                    .atMost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } finally {
            held.forEach(SqlConnection::closeAndForget);
        }
        failures.forEach((sql, why) -> LOG.warnf("The warm-up could not prepare \"%s…\": %s", sql, why));
        return new Prepared(statements.size(), held.size(), failures.size());
    }

    /**
     * The plans' requests and exercises, {@code rounds} times, {@code concurrency} at once; what does not go as the
     * plan expects is logged.
     */
    private Rounds rounds(
            int port, List<WarmUpPlan.Request> requests, List<WarmUpPlan.Exercise> exercises, long deadline)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger exercised = new AtomicInteger();
        Map<String, Integer> unexpected = new ConcurrentHashMap<>();
        ExecutorService lanes = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "warm-up-http");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int lane = 0; lane < config.concurrency(); lane++) {
                int first = lane;
                lanes.execute(() -> {
                    for (int round = 0; round < config.rounds() && System.nanoTime() < deadline; round++) {
                        for (int i = first; i < requests.size() + first; i++) {
                            WarmUpPlan.Request request = requests.get((i + round) % requests.size());
                            int status = status(http, port, request);
                            sent.incrementAndGet();
                            if (status != request.expected()) {
                                unexpected.merge(
                                        request.method() + " " + request.path() + " → " + status, 1, Integer::sum);
                            }
                        }
                        for (WarmUpPlan.Exercise exercise : exercises) {
                            String failure = run(exercise);
                            exercised.incrementAndGet();
                            if (failure != null) {
                                unexpected.merge(exercise.name() + " → " + failure, 1, Integer::sum);
                            }
                        }
                    }
                });
            }
        } finally {
            // each lane stops at the round after the budget ends; the one in flight finishes rather than being
            // interrupted (an interrupted wait would leave its work running, and read as a failure)
            lanes.shutdown();
            lanes.awaitTermination(
                    Math.max(1, deadline - System.nanoTime()) + REQUEST_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            lanes.shutdownNow();
        }
        Map<String, Integer> found = new TreeMap<>(unexpected);
        found.forEach(
                (what, times) -> LOG.warnf("The warm-up's %s, %d times (not the status it expects)", what, times));
        return new Rounds(sent.get(), exercised.get(), Map.copyOf(found));
    }

    /** The port a random one ({@code 0}, as in tests) was bound to, as Quarkus registers it. */
    private int boundPort() {
        if (!registry.isResolvable()) {
            return -1;
        }
        ValueRegistry values = registry.get();
        Integer test = values.getOrDefault(HttpServer.HTTP_TEST_PORT, null);
        return test != null && test > 0 ? test : values.getOrDefault(HttpServer.HTTP_PORT, -1);
    }

    /** Runs the exercise on a Vert.x context; null when it went well, else what it failed with. */
    private static String run(WarmUpPlan.Exercise exercise) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> exercise.work().get().replaceWithVoid());
            return null;
        } catch (Throwable e) {
            return e.getClass().getSimpleName();
        }
    }

    /** The request's status; 0 when it got no answer. */
    private static int status(HttpClient http, int port, WarmUpPlan.Request request) {
        try {
            HttpRequest.BodyPublisher body = request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body());
            HttpRequest.Builder builder = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + request.path()))
                    .timeout(REQUEST_TIMEOUT)
                    .method(request.method(), body);
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            return http.send(builder.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String firstLine(String sql) {
        String line = sql.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) : line;
    }
}
