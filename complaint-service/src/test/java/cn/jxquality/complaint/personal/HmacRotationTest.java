package cn.jxquality.complaint.personal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import cn.jxquality.complaint.Tokens;
import cn.jxquality.complaint.intake.IndexRenewal;
import cn.jxquality.platform.keys.HmacKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The blind-index and query-code keys rotate (issue 17 item 7): each row names the key its HMACs were made with. This
 * profile keeps the test keys active as v1 and configures older v0 keys; the test turns a fresh complaint's HMACs into
 * v0's, as a row written before a rotation would be, and then checks that its citizen still gets in with the query
 * code, an operator still finds it by mobile, and the renewal re-makes its indexes under v1.
 */
@QuarkusTest
@TestProfile(ReSealingTest.WithAnOlderKey.class)
class HmacRotationTest {

    static final HmacKeys OLDER_INDEX =
            HmacKeys.of("older index key", "v0", ReSealingTest.OLDER_INDEX_KEY, Optional.empty());
    static final HmacKeys OLDER_CODES =
            HmacKeys.of("older query-code key", "v0", ReSealingTest.OLDER_QUERY_CODE_KEY, Optional.empty());

    @Inject
    Pool pool;

    @Inject
    BlindIndex blindIndex;

    @Inject
    IndexRenewal renewal;

    @Test
    void aRowMadeUnderAnOlderKeyIsFoundOpenedAndReIndexed() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        String mobile = Submissions.personOf(body).get("mobile").toString();
        Map<String, String> receipt = submit(body);
        String trackingNumber = receipt.get("trackingNumber");
        Db.rows(
                pool,
                "update complaint set query_code_key_id = 'v0', query_code_hash = $2, index_key_id = 'v0',"
                        + " mobile_blind_index = $3 where tracking_number = $1",
                trackingNumber,
                Buffer.buffer(OLDER_CODES.mac(receipt.get("queryCode").getBytes(StandardCharsets.US_ASCII))),
                Buffer.buffer(OLDER_INDEX.mac(bytes("mobile"), new byte[] {0}, bytes(mobile))));

        lookUp(trackingNumber, receipt.get("queryCode")).statusCode(200);
        searchByMobile(mobile, trackingNumber);

        assertTrue(renewal.renewBatch().await().indefinitely() >= 1);
        var row = Db.row(
                pool,
                "select index_key_id, mobile_blind_index from complaint where tracking_number = $1",
                trackingNumber);
        assertEquals("v1", row.getString("index_key_id"));
        assertArrayEquals(
                blindIndex.of("mobile", mobile),
                row.getBuffer("mobile_blind_index").getBytes());
        searchByMobile(mobile, trackingNumber);
    }

    @Test
    void aCodeHashedUnderAKeyNoLongerConfiguredOpensNothing() {
        Map<String, String> receipt = submit(Submissions.uniqueWebComplaint());
        Db.rows(
                pool,
                "update complaint set query_code_key_id = 'v-retired' where tracking_number = $1",
                receipt.get("trackingNumber"));

        lookUp(receipt.get("trackingNumber"), receipt.get("queryCode")).statusCode(404);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    private static io.restassured.response.ValidatableResponse lookUp(String trackingNumber, String queryCode) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Map.of("trackingNumber", trackingNumber, "queryCode", queryCode))
                .post("/api/v1/status-lookups")
                .then();
    }

    private static void searchByMobile(String mobile, String trackingNumber) {
        given().auth()
                .oauth2(Tokens.of("operator1"))
                .queryParam("mobile", mobile)
                .get("/api/v1/complaints")
                .then()
                .statusCode(200)
                .body("items.trackingNumber", contains(trackingNumber));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
