package cn.jxquality.complaint.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LookupThrottleTest {

    /** Ten different clients failing on a number (guessing spread out) close it, even for the right code. */
    @Test
    void tenFailuresForANumberLockItEvenForTheRightCode() {
        Map<String, String> receipt = submit();
        for (int i = 0; i < 10; i++) {
            lookup(receipt.get("trackingNumber"), "WRONGCODE234", Submissions.randomClient())
                    .statusCode(404);
        }
        String retryAfter = lookup(receipt.get("trackingNumber"), receipt.get("queryCode"), Submissions.randomClient())
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .extract()
                .header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 800 && seconds <= 900, "about 15 minutes, was " + seconds);
    }

    @Test
    void tenFailuresFromAClientLockItOutOfEveryNumber() {
        Map<String, String> receipt = submit();
        String client = Submissions.randomClient();
        for (int i = 0; i < 10; i++) {
            lookup(Submissions.unknownTrackingNumber(), "WRONGCODE234", client).statusCode(404);
        }
        lookup(receipt.get("trackingNumber"), receipt.get("queryCode"), client).statusCode(429);
        lookup(receipt.get("trackingNumber"), receipt.get("queryCode"), Submissions.randomClient())
                .statusCode(200);
    }

    @Test
    void nineFailuresStillLetTheRightCodeIn() {
        Map<String, String> receipt = submit();
        String client = Submissions.randomClient();
        for (int i = 0; i < 9; i++) {
            lookup(receipt.get("trackingNumber"), "WRONGCODE234", client).statusCode(404);
        }
        lookup(receipt.get("trackingNumber"), receipt.get("queryCode"), client).statusCode(200);
    }

    /**
     * A stranger failing on purpose with a citizen's tracking number closes only their own address: the number counts
     * each client once, so it closes only when ten different clients failed on it (issue 17 item 4).
     */
    @Test
    void aStrangerFailingOnPurposeCannotLockTheCitizenOut() {
        Map<String, String> receipt = submit();
        String stranger = Submissions.randomClient();
        for (int i = 0; i < 10; i++) {
            lookup(receipt.get("trackingNumber"), "WRONGCODE234", stranger).statusCode(404);
        }
        lookup(receipt.get("trackingNumber"), "WRONGCODE234", stranger).statusCode(429);
        lookup(receipt.get("trackingNumber"), receipt.get("queryCode"), Submissions.randomClient())
                .statusCode(200);
    }

    /**
     * Thirty wrong tries sent at once from one client: they are checked and counted one after another, so no more
     * than the ten the limit allows are answered at all; the rest are refused unanswered (issue 17 item 4: all thirty
     * passed the check together before).
     */
    @Test
    void parallelWrongTriesCannotAllPassTheCheck() throws Exception {
        Map<String, String> receipt = submit();
        String client = Submissions.randomClient();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return lookup(receipt.get("trackingNumber"), "WRONGCODE234", client)
                            .extract()
                            .statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                byStatus.merge(answer.get(30, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertEquals(Map.of(404, 10, 429, 20), byStatus);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownNumberAndWrongCodeStillLookTheSame() {
        Map<String, String> receipt = submit();
        String client = Submissions.randomClient();
        String wrongCode = lookup(receipt.get("trackingNumber"), "WRONGCODE234", client)
                .statusCode(404)
                .extract()
                .asString();
        String unknown = lookup(Submissions.unknownTrackingNumber(), "WRONGCODE234", client)
                .statusCode(404)
                .extract()
                .asString();
        assertEquals(wrongCode, unknown);
    }

    private static Map<String, String> submit() {
        return given().contentType(ContentType.JSON)
                .body(Submissions.uniqueWebComplaint())
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    private static ValidatableResponse lookup(String trackingNumber, String queryCode, String client) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "198.51.100.200, " + client)
                .body(Map.of("trackingNumber", trackingNumber, "queryCode", queryCode))
                .when()
                .post("/api/v1/status-lookups")
                .then();
    }
}
