package cn.jxquality.platform.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemBodies;
import cn.jxquality.platform.problem.ProblemDialect;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A body past the limit is refused: unread when its length is declared, as it arrives when it is chunked. */
class BodyLimitTest {

    private static final int LIMIT = 1024;

    private Vertx vertx;
    private HttpServer server;
    private final AtomicInteger reached = new AtomicInteger();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void aServiceTakingOneKilobyte() throws Exception {
        vertx = Vertx.vertx();
        BodyLimit limit = new BodyLimit(() -> LIMIT, ProblemBodies.of(new ObjectMapper(), new PlainDialect()));
        Router router = Router.router(vertx);
        limit.install(router);
        router.route("/api/echo").handler(context -> {
            reached.incrementAndGet();
            if (context.body().available()) { // read by the limit (chunked): what the service's own reader gets
                context.response().end("read " + context.body().length());
            } else {
                context.request().body().onSuccess(body -> context.response().end("read " + body.length()));
            }
        });
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
    void aDeclaredLengthPastTheLimitIsRefusedUnread() throws Exception {
        HttpResponse<String> answer =
                post("application/json", HttpRequest.BodyPublishers.ofByteArray(bytes(LIMIT + 1)));
        assertEquals(413, answer.statusCode());
        assertEquals(
                "application/problem+json",
                answer.headers().firstValue("Content-Type").orElse(null));
        assertTrue(answer.body().contains("\"status\":413"), answer.body());
        assertEquals(0, reached.get(), "the service never saw it");
        assertEquals(
                "read 1024",
                post("application/json", HttpRequest.BodyPublishers.ofByteArray(bytes(LIMIT)))
                        .body());
    }

    /** A path whose clients read errors in their own format is refused in it. */
    @Test
    void aRefusalIsWrittenInTheDialectOfItsPath() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/plain/echo"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(LIMIT + 1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode());
        assertEquals("text/plain", answer.headers().firstValue("Content-Type").orElse(null));
        assertEquals("413 Payload too large", answer.body());
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheServiceWhole() throws Exception {
        HttpResponse<String> answer = post(
                "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(LIMIT))));
        assertEquals("read 1024", answer.body());
    }

    @Test
    void aChunkedBodyIsRefusedAsSoonAsItPassesTheLimit() throws IOException {
        ChunkedBody.Answer answer =
                ChunkedBody.sendUntilAnswered(server.actualPort(), "/api/echo", bytes(256), 10 << 20);
        assertThat(answer.statusLine(), startsWith("HTTP/1.1 413"));
        assertThat("refused after " + answer.sent() + " bytes", answer.sent(), lessThan(1024L * 1024));
        assertEquals(0, reached.get(), "the service never saw it");
    }

    @Test
    void aMultipartUploadIsLeftToTheUploadLimit() throws Exception {
        HttpResponse<String> answer =
                post("multipart/form-data; boundary=x", HttpRequest.BodyPublishers.ofByteArray(bytes(4 * LIMIT)));
        assertEquals("read 4096", answer.body());
    }

    private HttpResponse<String> post(String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/api/echo"))
                        .header("Content-Type", contentType)
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Errors as one line of text, under /plain/. */
    static final class PlainDialect implements ProblemDialect {

        @Override
        public boolean speaksFor(String path) {
            return path.startsWith("/plain/");
        }

        @Override
        public Rendered render(String path, Problem problem) {
            return new Rendered("text/plain", problem.status() + " " + problem.title());
        }
    }

    private static byte[] bytes(int n) {
        return Buffer.buffer("x".repeat(n)).getBytes();
    }
}
