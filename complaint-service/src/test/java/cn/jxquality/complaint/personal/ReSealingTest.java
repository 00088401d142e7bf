package cn.jxquality.complaint.personal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import cn.jxquality.complaint.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After a rotation, what an older key sealed is re-sealed under the active one and reads the same (issue 17 item 7):
 * a complaint's person, the stored answer to its submission and an evidence file. This profile keeps the test key v1
 * active and adds an older v0; the test seals its own rows under v0 (so other tests' rows, all under v1, are left).
 */
@QuarkusTest
@TestProfile(ReSealingTest.WithAnOlderKey.class)
class ReSealingTest {

    static final String OLDER_KEY =
            Base64.getEncoder().encodeToString("test-only-older-aes-key-32bytes!".getBytes(StandardCharsets.US_ASCII));

    /** The blind-index and query-code keys before a rotation (HmacRotationTest). */
    static final String OLDER_INDEX_KEY =
            Base64.getEncoder().encodeToString("test-only-older-index-key-32byte".getBytes(StandardCharsets.US_ASCII));

    static final String OLDER_QUERY_CODE_KEY =
            Base64.getEncoder().encodeToString("test-only-older-query-code-key-!".getBytes(StandardCharsets.US_ASCII));

    public static class WithAnOlderKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "personal-data.keys.v0",
                    OLDER_KEY,
                    "personal-data.blind-index-previous-keys",
                    "v0:" + OLDER_INDEX_KEY,
                    "intake.query-code-previous-keys",
                    "v0:" + OLDER_QUERY_CODE_KEY,
                    "personal-data.re-seal-every",
                    "1h");
        }
    }

    /** The three kinds of sealed data: its table, id, key id and ciphertext columns. */
    record Sealed(String table, String id, String keyId, String data) {}

    static final Sealed PERSON = new Sealed("complaint", "id", "person_key_id", "person_ciphertext");
    static final Sealed ANSWER = new Sealed("idempotency_record", "id", "response_key_id", "response_ciphertext");
    static final Sealed EVIDENCE = new Sealed("evidence_content", "file_id", null, "content");

    @Inject
    Pool pool;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    ReSealing reSealing;

    private final PersonalDataCipher older = cipherOf("v0", OLDER_KEY);

    @Test
    void whatAnOlderKeySealedIsReSealedUnderTheActiveOneAndReadsTheSame() {
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, String> receipt = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(Submissions.uniqueWebComplaint())
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        given().header("X-Forwarded-For", Submissions.randomClient())
                .multiPart("queryCode", receipt.get("queryCode"))
                .multiPart("file", "receipt.jpg", jpeg(), "image/jpeg")
                .post("/api/v1/complaints/" + receipt.get("trackingNumber") + "/evidence")
                .then()
                .statusCode(201);
        UUID complaintId = Db.row(
                        pool, "select id from complaint where tracking_number = $1", receipt.get("trackingNumber"))
                .getUUID("id");
        UUID answerId = Db.row(pool, "select id from idempotency_record where idempotency_key = $1", idempotencyKey)
                .getUUID("id");
        UUID fileId = Db.row(pool, "select id from evidence_file where complaint_id = $1", complaintId)
                .getUUID("id");

        byte[] person = sealUnderV0(PERSON, complaintId);
        byte[] answer = sealUnderV0(ANSWER, answerId);
        byte[] evidence = sealUnderV0(EVIDENCE, fileId);

        for (int batch = 0; batch < 500 && underV0(complaintId, answerId, fileId); batch++) {
            reSealing.reSealBatch().await().indefinitely();
        }
        assertArrayEquals(person, open(PERSON, complaintId, "v1"));
        assertArrayEquals(answer, open(ANSWER, answerId, "v1"));
        assertArrayEquals(evidence, open(EVIDENCE, fileId, "v1"));
        given().auth()
                .oauth2(Tokens.of("operator1"))
                .queryParam("reason", "a caller asks about their complaint")
                .get("/api/v1/complaints/" + receipt.get("trackingNumber"))
                .then()
                .statusCode(200)
                .body("person.mobile", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aRowUnderAKeyNoLongerConfiguredIsLeftAsItWas() {
        Map<String, String> receipt = given().contentType(ContentType.JSON)
                .body(Submissions.uniqueWebComplaint())
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        UUID id = Db.row(pool, "select id from complaint where tracking_number = $1", receipt.get("trackingNumber"))
                .getUUID("id");
        Db.rows(pool, "update complaint set person_key_id = 'v9' where id = $1", id);
        reSealing.reSealBatch().await().indefinitely();
        assertEquals(
                "v9",
                Db.row(pool, "select person_key_id from complaint where id = $1", id)
                        .getString("person_key_id"));
        // an operator's list still answers, without that person's masked mobile
        given().auth()
                .oauth2(Tokens.of("operator1"))
                .queryParam("trackingNumber", receipt.get("trackingNumber"))
                .get("/api/v1/complaints")
                .then()
                .statusCode(200)
                .body("items[0].trackingNumber", equalTo(receipt.get("trackingNumber")))
                .body("items[0].maskedMobile", nullValue());
    }

    /** Re-seals the row's data under v0 as an older install would have; its plaintext. */
    private byte[] sealUnderV0(Sealed kind, UUID id) {
        byte[] plain = open(kind, id, "v1");
        byte[] sealed = older.seal(plain, id).ciphertext();
        if (kind.keyId() != null) {
            Db.rows(
                    pool,
                    "update " + kind.table() + " set " + kind.keyId() + " = 'v0', " + kind.data() + " = $2 where "
                            + kind.id() + " = $1",
                    id,
                    Buffer.buffer(sealed));
        } else {
            Db.rows(pool, "update evidence_file set key_id = 'v0' where id = $1", id);
            Db.rows(pool, "update evidence_content set content = $2 where file_id = $1", id, Buffer.buffer(sealed));
        }
        return plain;
    }

    /** Opens the row's data, which must be under {@code keyId}. */
    private byte[] open(Sealed kind, UUID id, String keyId) {
        assertEquals(keyId, keyIdOf(kind, id), kind.table() + " " + id);
        return cipher.open(new PersonalDataCipher.Sealed(keyId, ciphertext(kind, id)), id);
    }

    private byte[] ciphertext(Sealed kind, UUID id) {
        Row row = Db.row(
                pool, "select " + kind.data() + " as data from " + kind.table() + " where " + kind.id() + " = $1", id);
        return row.getBuffer("data").getBytes();
    }

    private String keyIdOf(Sealed kind, UUID id) {
        return kind.keyId() == null
                ? Db.row(pool, "select key_id from evidence_file where id = $1", id)
                        .getString("key_id")
                : Db.row(pool, "select " + kind.keyId() + " as k from " + kind.table() + " where id = $1", id)
                        .getString("k");
    }

    private boolean underV0(UUID complaintId, UUID answerId, UUID fileId) {
        return List.of(keyIdOf(PERSON, complaintId), keyIdOf(ANSWER, answerId), keyIdOf(EVIDENCE, fileId))
                .contains("v0");
    }

    private static PersonalDataCipher cipherOf(String id, String key) {
        return new PersonalDataCipher(new PersonalDataConfig() {
            @Override
            public Map<String, String> keys() {
                return Map.of(id, key);
            }

            @Override
            public String activeKeyId() {
                return id;
            }

            @Override
            public String blindIndexKey() {
                return key;
            }

            @Override
            public String blindIndexKeyId() {
                return "v1";
            }

            @Override
            public Optional<String> blindIndexPreviousKeys() {
                return Optional.empty();
            }

            @Override
            public String reSealEvery() {
                return "1h";
            }
        });
    }

    private static byte[] jpeg() {
        byte[] jpeg = new byte[64];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        return jpeg;
    }
}
