package cn.jxquality.complaint.search;

import static io.restassured.RestAssured.given;

import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/** Search and the full view: operators and supervisors only. */
@QuarkusTest
class SearchRoleMatrixTest {

    @Test
    void anonymousIs401() {
        expect(401);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void operatorIsAllowed() {
        expect(200);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void supervisorIsAllowed() {
        expect(200);
    }

    @Test
    @TestSecurity(user = "dept-nc-amr", roles = "department")
    void departmentIs403() {
        expect(403);
    }

    @Test
    @TestSecurity(user = "service-account-notify-service", roles = "contact-reader")
    void serviceIs403() {
        expect(403);
    }

    private static void expect(int status) {
        String trackingNumber = ComplaintSearchTest.submit(Submissions.uniqueWebComplaint());
        given().queryParam("trackingNumber", trackingNumber)
                .get("/api/v1/complaints")
                .then()
                .statusCode(status)
                .contentType(status == 200 ? "application/json" : "application/problem+json");
        given().queryParam("reason", "role matrix")
                .get("/api/v1/complaints/" + trackingNumber)
                .then()
                .statusCode(status)
                .contentType(status == 200 ? "application/json" : "application/problem+json");
    }
}
