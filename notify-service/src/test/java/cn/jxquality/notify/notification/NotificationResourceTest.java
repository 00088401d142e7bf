package cn.jxquality.notify.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.jxquality.notify.support.KeycloakTokens;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The role matrix of the log and the resend action, with a few real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class NotificationResourceTest {

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void operatorsCannotReadTheLog() {
        given().when().get("/api/v1/notifications").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void resendingAnUnknownNotificationIsNotFound() {
        given().when()
                .post("/api/v1/notifications/{id}/resend", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("type", equalTo("https://jxquality.cn/problems/not-found"));
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorsCannotResend() {
        given().when()
                .post("/api/v1/notifications/{id}/resend", UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "dept-nc-amr", roles = "department")
    void departmentsCannotResend() {
        given().when()
                .post("/api/v1/notifications/{id}/resend", UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    void resendingNeedsALogin() {
        given().when()
                .post("/api/v1/notifications/{id}/resend", UUID.randomUUID())
                .then()
                .statusCode(401);
    }

    @Test
    void realTokensOfSupervisorAndAuditorReadTheLogADepartmentsDoesNot() {
        for (String user : new String[] {"supervisor1", "auditor1"}) {
            given().auth()
                    .oauth2(KeycloakTokens.of(user))
                    .when()
                    .get("/api/v1/notifications?limit=1")
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(KeycloakTokens.of("dept-nc-amr"))
                .when()
                .get("/api/v1/notifications")
                .then()
                .statusCode(403);
    }
}
