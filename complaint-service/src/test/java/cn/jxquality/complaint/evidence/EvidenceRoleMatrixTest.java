package cn.jxquality.complaint.evidence;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evidence is read by staff (operator, supervisor) only; every other role is refused. */
@QuarkusTest
class EvidenceRoleMatrixTest {

    @Test
    void anonymousIs401() {
        expectReads(401);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void operatorReads() {
        expectReads(200);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void supervisorReads() {
        expectReads(200);
    }

    @Test
    @TestSecurity(user = "dept-nc-amr", roles = "department")
    void departmentIs403() {
        expectReads(403);
    }

    @Test
    @TestSecurity(user = "service-account-notify-service", roles = "contact-reader")
    void serviceAccountIs403() {
        expectReads(403);
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorIs403() {
        expectReads(403);
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "reward-reviewer")
    void rewardReviewerIs403() {
        expectReads(403);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void adminIs403() {
        expectReads(403);
    }

    /** Attaches a file as a citizen (with the query code), then tries to list and download it. */
    private static void expectReads(int status) {
        Map<String, String> receipt = EvidenceTest.submit();
        String id = EvidenceTest.citizen(receipt)
                .multiPart("file", "a.jpg", Files.jpeg("role"), "image/jpeg")
                .post(EvidenceTest.evidence(receipt))
                .then()
                .statusCode(201)
                .extract()
                .path("files[0].id");
        given().get(EvidenceTest.evidence(receipt))
                .then()
                .statusCode(status)
                .contentType(status == 200 ? "application/json" : "application/problem+json");
        given().get("/api/v1/evidence/" + id)
                .then()
                .statusCode(status)
                .contentType(status == 200 ? "image/jpeg" : "application/problem+json");
    }
}
