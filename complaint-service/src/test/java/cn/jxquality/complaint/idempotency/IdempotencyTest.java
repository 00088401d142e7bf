package cn.jxquality.complaint.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    @Inject
    Pool pool;

    @Inject
    IdempotencyStore store;

    @Test
    void aRetryGetsTheFirstAnswerAndNoSecondRecord() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        Response first = post(key, body);
        Response retry = post(key, body);

        first.then().statusCode(201);
        retry.then().statusCode(201).header("Location", equalTo(first.header("Location")));
        assertEquals(first.jsonPath().getMap(""), retry.jsonPath().getMap(""));
        assertEquals(1, complaintsAbout(body));
        Row stored = Db.row(pool, "select * from idempotency_record where idempotency_key = $1", key);
        String raw = new String(stored.getBuffer("response_ciphertext").getBytes(), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains(first.jsonPath().getString("queryCode")), "the query code is sealed at rest");
        assertEquals("v1", stored.getString("response_key_id"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        post(key, body).then().statusCode(201);
        body.put("description", "另一件事。");
        post(key, body)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://jxquality.cn/problems/idempotency-key-reused"));
        assertEquals(0, complaintsAbout(body));
    }

    @Test
    void concurrentRetriesResolveToOneRecord() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = IntStream.range(0, 8)
                    .mapToObj(i -> clients.submit(() -> post(key, body)))
                    .toList();
            java.util.Set<String> trackingNumbers = new java.util.HashSet<>();
            for (Future<Response> answer : answers) {
                trackingNumbers.add(
                        answer.get().then().statusCode(201).extract().path("trackingNumber"));
            }
            assertEquals(1, trackingNumbers.size());
        } finally {
            clients.shutdown();
        }
        assertEquals(1, complaintsAbout(body));
    }

    @Test
    void anOverlongOrUnprintableKeyIsRejectedNamingTheHeader() {
        for (String key : List.of("k".repeat(101), "two words")) {
            post(key, Submissions.uniqueWebComplaint())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("Idempotency-Key"));
        }
    }

    @Test
    void keysOlderThanTheRetentionAreForgotten() {
        String stale = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        post(fresh, Submissions.uniqueWebComplaint()).then().statusCode(201);
        Db.rows(
                pool,
                "insert into idempotency_record (id, caller, idempotency_key, request_fingerprint, created_at)"
                        + " values ($1, '', $2, '\\x00'::bytea, now() - interval '2 days')",
                UUID.randomUUID(),
                stale);

        store.purge().await().atMost(java.time.Duration.ofSeconds(10));

        assertEquals(0, keys(stale));
        assertEquals(1, keys(fresh));
    }

    private long keys(String key) {
        return Db.row(pool, "select count(*) as n from idempotency_record where idempotency_key = $1", key)
                .getLong("n");
    }

    private static Response post(String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/api/v1/complaints");
    }

    private long complaintsAbout(Map<String, Object> body) {
        return Db.row(
                        pool,
                        "select count(*) as n from complaint where subject_name = $1 and description = $2",
                        Submissions.subjectOf(body).get("name"),
                        body.get("description"))
                .getLong("n");
    }
}
