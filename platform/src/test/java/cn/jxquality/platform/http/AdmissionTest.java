package cn.jxquality.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.platform.problem.ProblemBodies;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Past its limit of API requests in flight a service refuses the next at once; pages and health checks pass. */
class AdmissionTest {

    private Vertx vertx;
    private HttpServer server;
    private Admission admission;
    private final List<RoutingContext> held = new CopyOnWriteArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void twoRequestsAtOnce() throws Exception {
        vertx = Vertx.vertx();
        admission = new Admission(
                new AdmissionConfig() {
                    @Override
                    public int maxInFlight() {
                        return 2;
                    }

                    @Override
                    public int maxInternalInFlight() {
                        return 1;
                    }
                },
                ProblemBodies.of(new ObjectMapper()));
        Router router = Router.router(vertx);
        admission.install(router);
        router.route("/api/slow").handler(held::add); // answered when the test says so
        router.route("/internal/slow").handler(held::add);
        router.route("/*").handler(context -> context.response().end("ok"));
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void theRequestPastTheLimitIsRefusedAtOnceAndTheNextAfterOneEndsIsServed() throws Exception {
        CompletableFuture<HttpResponse<String>> first = send("/api/slow");
        CompletableFuture<HttpResponse<String>> second = send("/api/slow");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.size() == 2);

        HttpResponse<String> refused = send("/api/other").get(5, TimeUnit.SECONDS);
        assertEquals(503, refused.statusCode());
        assertEquals("5", refused.headers().firstValue("Retry-After").orElse(null));
        assertEquals(
                "application/problem+json",
                refused.headers().firstValue("Content-Type").orElse(null));
        assertTrue(refused.body().contains("\"status\":503"), refused.body());
        assertEquals(200, send("/q/health/ready").get(5, TimeUnit.SECONDS).statusCode(), "health is not counted");
        assertEquals(200, send("/status").get(5, TimeUnit.SECONDS).statusCode(), "pages are not counted");

        held.get(0).response().end("done"); // whichever of the two arrived first
        CompletableFuture.anyOf(first, second).get(5, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> admission.inFlight() == 1);
        assertEquals(200, send("/api/other").get(5, TimeUnit.SECONDS).statusCode(), "room again once one ended");

        held.get(1).response().end("done");
        assertEquals(200, first.get(5, TimeUnit.SECONDS).statusCode());
        assertEquals(200, second.get(5, TimeUnit.SECONDS).statusCode());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> admission.inFlight() == 0);
    }

    /**
     * The other services' calls finish work already accepted: with every public place taken they are still served,
     * and they have a limit of their own.
     */
    @Test
    void theOtherServicesCallsHavePlacesOfTheirOwn() throws Exception {
        send("/api/slow");
        send("/api/slow");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.size() == 2);
        assertEquals(503, send("/api/other").get(5, TimeUnit.SECONDS).statusCode(), "the public places are taken");

        assertEquals(200, send("/internal/other").get(5, TimeUnit.SECONDS).statusCode(), "an internal call is served");
        send("/internal/slow");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.size() == 3);
        assertEquals(
                503, send("/internal/other").get(5, TimeUnit.SECONDS).statusCode(), "past its own limit it is refused");

        held.forEach(context -> context.response().end("done"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> admission.inFlight() == 0);
    }

    @Test
    void aClientThatGivesUpFreesItsPlace() throws Exception {
        CompletableFuture<HttpResponse<String>> abandoned = send("/api/slow");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.size() == 1);
        assertEquals(1, admission.inFlight());
        abandoned.cancel(true);
        held.get(0).request().connection().close(); // the connection is gone, no answer was sent
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> admission.inFlight() == 0);
    }

    private CompletableFuture<HttpResponse<String>> send(String path) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
