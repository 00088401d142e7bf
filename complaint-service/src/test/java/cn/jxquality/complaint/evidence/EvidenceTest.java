package cn.jxquality.complaint.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvidenceTest {

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void aCitizenAttachesFilesCheckedByContentAndStaffDownloadThemIntact() {
        Map<String, String> receipt = submit();
        String marker = UUID.randomUUID().toString();
        byte[] photo = Files.jpeg(marker);
        String id = citizen(receipt)
                .multiPart("file", "../../漏电照片.jpg", photo, "image/jpeg")
                .multiPart("file", "发票.pdf", Files.pdf(marker), "application/octet-stream")
                .multiPart("file", "录音.amr", Files.amr(marker), "audio/amr")
                .multiPart("file", "video", Files.mp4(marker), "video/mp4")
                .post(evidence(receipt))
                .then()
                .statusCode(201)
                .body("trackingNumber", equalTo(receipt.get("trackingNumber")))
                .body("files.mediaType", equalTo(List.of("image/jpeg", "application/pdf", "audio/amr", "video/mp4")))
                .body("files[0].fileName", equalTo("漏电照片.jpg"))
                .body("files[0].sizeBytes", equalTo(photo.length))
                .extract()
                .path("files[0].id");

        byte[] downloaded = given().get("/api/v1/evidence/" + id)
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asByteArray();
        assertArrayEquals(photo, downloaded);
        given().get(evidence(receipt)).then().statusCode(200).body("", hasSize(4));
        Row audit = Db.row(
                pool,
                "select * from identity_access_audit where purpose = 'EVIDENCE_DOWNLOAD' and reason = $1",
                "evidence file " + id);
        assertEquals("operator1", audit.getString("actor"), "every download is audited with who downloaded it");
        given().get("/api/v1/evidence/" + UUID.randomUUID()).then().statusCode(404);

        byte[] raw = Db.row(pool, "select content from evidence_content where file_id = $1", UUID.fromString(id))
                .getBuffer("content")
                .getBytes();
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains(marker), "evidence is sealed at rest");
    }

    @Test
    void contentDecidesNotTheNameOrDeclaredType() {
        Map<String, String> receipt = submit();
        citizen(receipt)
                .multiPart("file", "photo.jpg", Files.text("x"), "image/jpeg")
                .post(evidence(receipt))
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("file[0]"));
        citizen(receipt)
                .multiPart("file", "ok.jpg", Files.jpeg("a"), "image/jpeg")
                .multiPart("file", "photo.jpg", Files.pdf("b"), "image/jpeg")
                .post(evidence(receipt))
                .then()
                .statusCode(415)
                .body("violations.field", equalTo(List.of("file[1]")))
                .body("violations[0].message", containsString("application/pdf"));
        assertEquals(0, stored(receipt), "nothing half-stored");
    }

    @Test
    void tenFilesOfTenMegabytesAtMost() {
        Map<String, String> receipt = submit();
        citizen(receipt)
                .multiPart("file", "big.pdf", Files.sized(10 * 1024 * 1024 + 1), "application/pdf")
                .post(evidence(receipt))
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("file[0]"));
        RequestSpecification eleven = citizen(receipt);
        for (int i = 0; i < 11; i++) {
            eleven.multiPart("file", "p" + i + ".jpg", Files.jpeg("p" + i), "image/jpeg");
        }
        eleven.post(evidence(receipt)).then().statusCode(400).body("violations.field", hasItem("file"));

        RequestSpecification eight = citizen(receipt);
        for (int i = 0; i < 8; i++) {
            eight.multiPart("file", "p" + i + ".jpg", Files.jpeg("p" + i), "image/jpeg");
        }
        eight.post(evidence(receipt)).then().statusCode(201);
        citizen(receipt)
                .multiPart("file", "a.jpg", Files.jpeg("a"), "image/jpeg")
                .multiPart("file", "b.jpg", Files.jpeg("b"), "image/jpeg")
                .multiPart("file", "c.jpg", Files.jpeg("c"), "image/jpeg")
                .post(evidence(receipt))
                .then()
                .statusCode(400)
                .body("violations[0].message", containsString("8 already attached"));
        assertEquals(8, stored(receipt));
    }

    @Test
    void aCitizenNeedsTheRightCodeAndWrongOnesAreThrottled() {
        Map<String, String> receipt = submit();
        given().header("X-Forwarded-For", Submissions.randomClient())
                .multiPart("file", "a.jpg", Files.jpeg("a"), "image/jpeg")
                .post(evidence(receipt))
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("queryCode"));
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", Submissions.randomClient())
                    .multiPart("queryCode", "WRONGCODE234")
                    .multiPart("file", "a.jpg", Files.jpeg("a"), "image/jpeg")
                    .post(evidence(receipt))
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        citizen(receipt)
                .multiPart("file", "a.jpg", Files.jpeg("a"), "image/jpeg")
                .post(evidence(receipt))
                .then()
                .statusCode(429);
        given().header("X-Forwarded-For", Submissions.randomClient())
                .contentType(ContentType.JSON)
                .body("{}")
                .post(evidence(receipt))
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        assertEquals(0, stored(receipt));
    }

    /**
     * The code is checked before any file is read (issue 17 item 3): a stranger's upload with a wrong code is refused
     * as a wrong code (404) whatever the file holds, never answered from its content (415).
     */
    @Test
    void aWrongCodeIsRefusedBeforeAnyFileIsRead() {
        Map<String, String> receipt = submit();
        String client = Submissions.randomClient();
        given().header("X-Forwarded-For", client)
                .multiPart("queryCode", "WRONGCODE234")
                .multiPart("file", "notes.txt", "not evidence at all".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(evidence(receipt))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        citizen(receipt)
                .multiPart("file", "notes.txt", "not evidence at all".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(evidence(receipt))
                .then()
                .statusCode(415);
        assertEquals(0, stored(receipt));
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void anOperatorAttachesWithoutACode() {
        Map<String, String> receipt = submit();
        given().multiPart("file", "letter.pdf", Files.pdf("letter"), "application/pdf")
                .post(evidence(receipt))
                .then()
                .statusCode(201);
        assertEquals(
                "operator1",
                Db.row(
                                pool,
                                "select e.uploaded_by from evidence_file e join complaint c on c.id = e.complaint_id"
                                        + " where c.tracking_number = $1",
                                receipt.get("trackingNumber"))
                        .getString("uploaded_by"));
    }

    /** Browsers send file names in UTF-8, as this client is told to. */
    static final RestAssuredConfig UTF8_PARTS = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"));

    static RequestSpecification citizen(Map<String, String> receipt) {
        return given().config(UTF8_PARTS)
                .header("X-Forwarded-For", Submissions.randomClient())
                .multiPart("queryCode", receipt.get("queryCode"));
    }

    static String evidence(Map<String, String> receipt) {
        return "/api/v1/complaints/" + receipt.get("trackingNumber") + "/evidence";
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> submit() {
        return given().contentType(ContentType.JSON)
                .body(Submissions.uniqueWebComplaint())
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    private long stored(Map<String, String> receipt) {
        return Db.row(
                        pool,
                        "select count(*) as n from evidence_file e join complaint c on c.id = e.complaint_id"
                                + " where c.tracking_number = $1",
                        receipt.get("trackingNumber"))
                .getLong("n");
    }
}
