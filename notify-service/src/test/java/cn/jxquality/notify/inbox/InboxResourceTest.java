package cn.jxquality.notify.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.KeycloakTokens;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Departments read their own inbox, ODR enterprises theirs, supervisors theirs; nobody else reads any. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class InboxResourceTest {

    @Inject
    Pool pool;

    static String trackingNumber;

    @BeforeEach
    void aCaseAssignedToNanchangWentOverdue() {
        if (trackingNumber != null) {
            return;
        }
        trackingNumber = Events.trackingNumber();
        UUID complaintId = UUID.randomUUID();
        Events.publish(
                "case-events",
                "case.assigned.v1",
                complaintId,
                Events.caseEvent(complaintId, trackingNumber, "360100-AMR", "ASSIGNED"));
        Events.publish(
                "case-events",
                "case.overdue.v1",
                complaintId,
                Events.deadlineAlert(complaintId, trackingNumber, "360100-AMR", true));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).size() == 2);
    }

    @Test
    @TestSecurity(user = "dept-nc-amr", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void aDepartmentReadsItsNewCase() {
        given().queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].eventType", equalTo("case.assigned.v1"))
                .body("items[0].body", containsString(trackingNumber));
    }

    @Test
    @TestSecurity(user = "dept-nc-amr", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void theInboxIsReadNewestFirstPageByPage() {
        String number = Events.trackingNumber();
        UUID complaintId = UUID.randomUUID();
        Events.publish(
                "case-events",
                "case.assigned.v1",
                complaintId,
                Events.caseEvent(complaintId, number, "360100-AMR", "ASSIGNED"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, number).size() == 1);
        Events.publish(
                "case-events",
                "case.deadline-near.v1",
                complaintId,
                Events.deadlineAlert(complaintId, number, "360100-AMR", false));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, number).size() == 2);

        String next = given().queryParam("trackingNumber", number)
                .queryParam("limit", 1)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items.eventType", contains("case.deadline-near.v1"))
                .body("next", notNullValue())
                .extract()
                .path("next");
        given().queryParam("trackingNumber", number)
                .queryParam("limit", 1)
                .queryParam("after", next)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items.eventType", contains("case.assigned.v1"))
                .body("next", nullValue());
    }

    @Test
    @TestSecurity(user = "dept-gz-amr", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360700-AMR"))
    void anotherDepartmentDoesNotSeeIt() {
        given().queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void supervisorsReadTheOverdueNotice() {
        given().queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items.eventType", contains("case.overdue.v1"))
                .body("items[0].body", containsString("督办"));
    }

    @Test
    @TestSecurity(user = "odr-enterprise", roles = "enterprise")
    @OidcSecurity(claims = @Claim(key = "credit_code", value = Events.ODR_ENTERPRISE))
    void anOdrEnterpriseReadsTheComplaintSentToIt() {
        String number = sentToTheEnterprise();
        given().queryParam("trackingNumber", number)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items.eventType", contains("complaint.sent-to-enterprise.v1"))
                .body("items[0].template", equalTo("odr-complaint-enterprise"))
                .body("items[0].body", containsString("受理编号 " + number))
                .body("items[0].body", containsString("/console/enterprise"));
        // not the department's nor the supervisors' messages
        given().queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    @TestSecurity(user = "other-enterprise", roles = "enterprise")
    @OidcSecurity(claims = @Claim(key = "credit_code", value = "91360700MA35XY1234"))
    void anotherEnterpriseDoesNotSeeIt() {
        String number = sentToTheEnterprise();
        given().queryParam("trackingNumber", number)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    /** The kind is part of the inbox's name: a department whose code were a credit code would still not read it. */
    @Test
    @TestSecurity(user = "dept-odd", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = Events.ODR_ENTERPRISE))
    void aDepartmentNeverReadsAnEnterprisesInbox() {
        String number = sentToTheEnterprise();
        given().queryParam("trackingNumber", number)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    @TestSecurity(user = "odr-x", roles = "enterprise")
    @OidcSecurity(claims = @Claim(key = "credit_code", value = "supervisor"))
    void anEnterpriseTokenWithoutAValidCreditCodeIsForbidden() {
        given().when().get("/api/v1/inbox").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "dept-x", roles = "department")
    void aDepartmentTokenWithoutItsCodeIsForbidden() {
        given().when().get("/api/v1/inbox").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorsHaveNoInbox() {
        given().when().get("/api/v1/inbox").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void operatorsHaveNoInbox() {
        given().when().get("/api/v1/inbox").then().statusCode(403);
    }

    @Test
    void theInboxNeedsALogin() {
        given().when().get("/api/v1/inbox").then().statusCode(401);
    }

    /** A complaint sent to the fixtures' ODR enterprise, its in-app notice recorded; its tracking number. */
    private String sentToTheEnterprise() {
        String number = Events.trackingNumber();
        UUID complaintId = UUID.randomUUID();
        Events.publish(
                "complaint-events",
                "complaint.sent-to-enterprise.v1",
                complaintId,
                Events.sentToEnterprise(complaintId, number, null));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, number).stream()
                        .anyMatch(r -> r.channel().equals("IN_APP")));
        return number;
    }

    @Test
    void realTokensCarryTheDepartmentCodeAndTheRole() {
        given().auth()
                .oauth2(KeycloakTokens.of("dept-nc-amr"))
                .queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items.eventType", contains("case.assigned.v1"));
        given().auth()
                .oauth2(KeycloakTokens.of("dept-gz-amr"))
                .queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().auth()
                .oauth2(KeycloakTokens.of("supervisor1"))
                .queryParam("trackingNumber", trackingNumber)
                .when()
                .get("/api/v1/inbox")
                .then()
                .statusCode(200)
                .body("items.eventType", contains("case.overdue.v1"));
    }
}
