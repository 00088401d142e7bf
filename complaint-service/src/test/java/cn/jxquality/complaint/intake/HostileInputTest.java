package cn.jxquality.complaint.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HostileInputTest {

    @Test
    void scriptInTheDescriptionIsRejectedNamingIt() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("description", "漏电<script>alert(1)</script>");
        expect400(body, "description");
    }

    @Test
    void tagsAndScriptUrlsInOtherFreeTextAreRejected() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        Submissions.subjectOf(body).put("name", "<b>某某</b>");
        Submissions.subjectOf(body).put("onlinePlatform", "javascript:alert(1)");
        Submissions.personOf(body).put("address", "<img src=x>");
        expect400(body, "subject.name");
        expect400(body, "subject.onlinePlatform");
        expect400(body, "person.address");
    }

    @Test
    void controlCharactersAreRejected() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("description", "漏电\u0000了");
        Submissions.personOf(body).put("name", "张\u0007三");
        Submissions.personOf(body).put("idNumber", "3601\u00001990");
        expect400(body, "description");
        expect400(body, "person.name");
        expect400(body, "person.idNumber");
    }

    @Test
    void lineBreaksAreFineInTheDescription() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("description", "第一天：漏电。\n第二天：商家拒绝退货。");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/complaints")
                .then()
                .statusCode(201);
    }

    @Test
    void aBodyOverOneMegabyteIsA413Problem() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("description", "漏".repeat(400_000)); // 1.2 MB in UTF-8
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/complaints")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    private static void expect400(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/complaints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }
}
