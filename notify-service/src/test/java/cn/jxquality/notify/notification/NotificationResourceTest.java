package cn.jxquality.notify.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.KeycloakTokens;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The role matrix of the log and the resend action, with a few real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class NotificationResourceTest {

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void theLogIsReadPageByPageWithTheCursorOfThePreviousPage() {
        String trackingNumber = Events.trackingNumber();
        UUID complaintId = UUID.randomUUID();
        for (int i = 0; i < 3; i++) { // three events about one case: three inbox messages
            Events.publish(
                    "case-events",
                    "case.assigned.v1",
                    complaintId,
                    Events.caseEvent(complaintId, trackingNumber, "360100-AMR", "ASSIGNED"));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).size() == 3);

        var first = given().queryParam("trackingNumber", trackingNumber)
                .queryParam("limit", 2)
                .when()
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("next", notNullValue())
                .extract();
        List<String> ids = new ArrayList<>(first.path("items.id"));
        given().queryParam("trackingNumber", trackingNumber)
                .queryParam("limit", 2)
                .queryParam("after", first.<String>path("next"))
                .when()
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("next", nullValue())
                .body("items[0].id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.in(ids)));
        List<String> all = given().queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("next", nullValue())
                .extract()
                .path("items.id");
        assertEquals(3, all.size());
        assertEquals(ids, all.subList(0, 2));
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void aCursorThatWasNeverHandedOutIsAClientErrorNamingIt() {
        given().queryParam("after", "not-a-cursor")
                .when()
                .get("/api/v1/notifications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("after"));
    }

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
