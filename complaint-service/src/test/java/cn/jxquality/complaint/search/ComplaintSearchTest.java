package cn.jxquality.complaint.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComplaintSearchTest {

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void byMobileShowsTheMaskedNumberNotThePerson() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        String mobile = Submissions.randomMobile();
        Submissions.personOf(body).put("mobile", "+86 " + mobile);
        String trackingNumber = submit(body);
        given().queryParam("mobile", mobile)
                .when()
                .get("/api/v1/complaints")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].trackingNumber", equalTo(trackingNumber))
                .body("items[0].maskedMobile", equalTo(mobile.substring(0, 3) + "****" + mobile.substring(7)))
                .body("items[0].kind", equalTo("COMPLAINT"))
                .body("items[0].channel", equalTo("WEB"))
                .body("items[0].status", equalTo("RECEIVED"))
                .body("items[0]", not(hasKey("person")))
                .body("next", nullValue());
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void byNameAndDescriptionSubstringPagedByCursor() {
        String marker = "批次" + System.nanoTime();
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        String name = (String) Submissions.subjectOf(body).get("name");
        body.put("description", "热水器漏电，" + marker + "，商家拒绝退货。");
        String first = submit(body);
        body.put("description", "第二次：" + marker + "。");
        String second = submit(body);
        body.put("description", "第三次：" + marker + "。");
        String third = submit(body);

        String next = given().queryParam("q", marker)
                .queryParam("limit", 2)
                .get("/api/v1/complaints")
                .then()
                .statusCode(200)
                .body("items.trackingNumber", equalTo(List.of(third, second)))
                .body("items[1].linkReason", equalTo("DUPLICATE"))
                .body("items[1].linkedTrackingNumber", equalTo(first))
                .extract()
                .path("next");
        given().queryParam("q", marker)
                .queryParam("limit", 2)
                .queryParam("after", next)
                .get("/api/v1/complaints")
                .then()
                .statusCode(200)
                .body("items.trackingNumber", equalTo(List.of(first)))
                .body("next", nullValue());
        given().queryParam("name", name.substring(2))
                .get("/api/v1/complaints")
                .then()
                .body("items", hasSize(3));
        given().queryParam("q", "100%_" + marker)
                .get("/api/v1/complaints")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void byCreditCodeAndTrackingNumber() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        String trackingNumber = submit(body);
        given().queryParam("trackingNumber", trackingNumber)
                .get("/api/v1/complaints")
                .then()
                .body("items", hasSize(1));
        given().queryParam("creditCode", "91350100M000100Y43")
                .queryParam("trackingNumber", trackingNumber)
                .get("/api/v1/complaints")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void badParametersAreNamed() {
        given().queryParam("mobile", "123")
                .queryParam("limit", "1000")
                .queryParam("q", "<script>")
                .get("/api/v1/complaints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("mobile", "q", "limit")));
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void openingAComplaintShowsThePersonAndLeavesAnAuditRow() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        String trackingNumber = submit(body);
        given().queryParam("reason", "来电人查询进度")
                .get("/api/v1/complaints/" + trackingNumber)
                .then()
                .statusCode(200)
                .body("person.name", equalTo("张三"))
                .body("person.mobile", equalTo(Submissions.personOf(body).get("mobile")))
                .body("person.idNumber", equalTo(Submissions.personOf(body).get("idNumber")))
                .body("subject.name", equalTo(Submissions.subjectOf(body).get("name")));
        Row audit = Db.row(
                pool,
                "select a.* from identity_access_audit a join complaint c on c.id = a.complaint_id"
                        + " where c.tracking_number = $1",
                trackingNumber);
        assertEquals("operator1", audit.getString("actor"));
        assertEquals("OPERATOR_VIEW", audit.getString("purpose"));
        assertEquals("来电人查询进度", audit.getString("reason"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void anUnknownNumberIsA404AndAMissingOrBadReasonA400() {
        given().queryParam("reason", "来电人查询进度")
                .get("/api/v1/complaints/" + Submissions.unknownTrackingNumber())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        for (String none : new String[] {null, "", "   "}) {
            var request = none == null ? given() : given().queryParam("reason", none);
            request.get("/api/v1/complaints/" + Submissions.unknownTrackingNumber())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("reason"));
        }
        given().queryParam("reason", "<b>x</b>")
                .get("/api/v1/complaints/" + Submissions.unknownTrackingNumber())
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("reason"));
    }

    static String submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
    }
}
