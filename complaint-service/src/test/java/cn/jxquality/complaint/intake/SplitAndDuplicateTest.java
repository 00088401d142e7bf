package cn.jxquality.complaint.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SplitAndDuplicateTest {

    @Inject
    Pool pool;

    @Test
    void aComplaintAndReportBecomeTwoLinkedRecords() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("kind", "COMPLAINT_AND_REPORT");
        body.put("rewardRequested", true);
        JsonPath receipt = submit(body)
                .body("linked", hasSize(1))
                .body("linked[0].trackingNumber", matchesPattern("^JX\\d{15}$"))
                .body("linked[0].queryCode", matchesPattern("^[2-9A-HJKMNP-Z]{12}$"))
                .extract()
                .jsonPath();
        assertNotEquals(receipt.getString("queryCode"), receipt.getString("linked[0].queryCode"));

        Row complaint = record(receipt.getString("trackingNumber"));
        Row report = record(receipt.getString("linked[0].trackingNumber"));
        assertEquals("COMPLAINT", complaint.getString("kind"));
        assertEquals("RETURN", complaint.getString("remedy"));
        assertFalse(complaint.getBoolean("reward_requested"));
        assertEquals("REPORT", report.getString("kind"));
        assertNull(report.getString("remedy"));
        assertTrue(report.getBoolean("reward_requested"));
        assertEquals(complaint.getUUID("id"), report.getUUID("linked_complaint_id"));
        assertEquals("SPLIT", report.getString("link_reason"));
        assertNull(complaint.getUUID("linked_complaint_id"));
        assertEquals(1, events(report.getUUID("id")));
        assertEquals(1, events(complaint.getUUID("id")));
    }

    @Test
    void aSingleSubmissionKeepsTheSingleReceipt() {
        submit(Submissions.uniqueWebComplaint()).body("$", not(hasKey("linked")));
    }

    @Test
    void samePersonSubjectAndCategoryIsLinkedToTheEarlierRecord() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        String first = submit(body).extract().path("trackingNumber");
        body.put("description", "又坏了，再次投诉。");
        Submissions.subjectOf(body)
                .put("name", " " + Submissions.subjectOf(body).get("name") + "（）");
        String second = submit(body).extract().path("trackingNumber");

        Row repeat = record(second);
        assertEquals(record(first).getUUID("id"), repeat.getUUID("linked_complaint_id"));
        assertEquals("DUPLICATE", repeat.getString("link_reason"));
    }

    @Test
    void theIdNumberAloneIdentifiesThePerson() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        String first = submit(body).extract().path("trackingNumber");
        Submissions.personOf(body).put("mobile", Submissions.randomMobile());
        String second = submit(body).extract().path("trackingNumber");
        assertEquals(record(first).getUUID("id"), record(second).getUUID("linked_complaint_id"));
    }

    @Test
    void anotherCategoryOrAnotherCreditCodeIsNoDuplicate() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        Submissions.subjectOf(body).put("creditCode", "91360100158304019E");
        submit(body);
        body.put("category", "PRODUCT.FOOD");
        assertNull(record(submit(body).extract().path("trackingNumber")).getUUID("linked_complaint_id"));
        body.put("category", "PRODUCT.HOUSEHOLD_APPLIANCE");
        Submissions.subjectOf(body).put("creditCode", "91350100M000100Y43");
        assertNull(record(submit(body).extract().path("trackingNumber")).getUUID("linked_complaint_id"));
    }

    private static io.restassured.response.ValidatableResponse submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201);
    }

    private Row record(String trackingNumber) {
        return Db.row(pool, "select * from complaint where tracking_number = $1", trackingNumber);
    }

    private long events(java.util.UUID complaintId) {
        return Db.row(pool, "select count(*) as n from outbox_event where aggregate_id = $1", complaintId)
                .getLong("n");
    }
}
