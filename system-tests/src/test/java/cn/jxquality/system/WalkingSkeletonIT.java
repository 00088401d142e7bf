package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A complaint travels from intake to a routed case to a notification, and the citizen sees it routed. */
@ExtendWith(RunningSuite.class)
class WalkingSkeletonIT {

    static final Duration ASYNC = Duration.ofSeconds(30);

    @Test
    void aWebComplaintIsRoutedNotifiedAndShownAsRouted() {
        Map<String, Object> receipt = given().contentType(ContentType.JSON)
                .body(webComplaint())
                .when()
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .extract()
                .as(Map.class);
        String trackingNumber = (String) receipt.get("trackingNumber");

        String department = Tokens.of("dept-nc-amr");
        await().atMost(ASYNC)
                .untilAsserted(() -> given().auth()
                        .oauth2(department)
                        .queryParam("trackingNumber", trackingNumber)
                        .when()
                        .get(RunningSuite.CASES + "/api/v1/cases")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].state", equalTo("ASSIGNED"))
                        .body("items[0].departmentCode", equalTo("360100-AMR")));

        String supervisor = Tokens.of("supervisor1");
        await().atMost(ASYNC)
                .untilAsserted(() -> given().auth()
                        .oauth2(supervisor)
                        .queryParam("trackingNumber", trackingNumber)
                        .when()
                        .get(RunningSuite.NOTIFICATIONS + "/api/v1/notifications")
                        .then()
                        .statusCode(200)
                        .body(
                                "items.find { it.eventType == 'case.assigned.v1' && it.channel == 'IN_APP' }.recipient",
                                equalTo("360100-AMR"))
                        .body(
                                "items.find { it.eventType == 'case.assigned.v1' && it.channel == 'IN_APP' }.status",
                                equalTo("SENT"))
                        // the citizen's receipt SMS went to the citizen's mobile, which notify-service looked up in
                        // complaint-service (SKIPPED or FAILED had the look-up failed): sent, or deferred in quiet
                        // hours
                        .body(
                                "items.find { it.eventType == 'complaint.received.v1' && it.channel == 'SMS' }"
                                        + ".recipientKind",
                                equalTo("CITIZEN"))
                        .body(
                                "items.find { it.eventType == 'complaint.received.v1' && it.channel == 'SMS' }.status",
                                oneOf("SENT", "DEFERRED"))
                        .body(not(containsString("13900139000"))));

        await().atMost(ASYNC)
                .untilAsserted(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("trackingNumber", trackingNumber, "queryCode", receipt.get("queryCode")))
                        .when()
                        .post(RunningSuite.COMPLAINTS + "/api/v1/status-lookups")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("ROUTED"))
                        .body("timeline", hasSize(2)));
    }

    @Test
    void aGanzhouDepartmentTokenCannotSeeTheNanchangCase() {
        String trackingNumber = given().contentType(ContentType.JSON)
                .body(webComplaint())
                .when()
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
        String nanchang = Tokens.of("dept-nc-amr");
        String caseId = await().atMost(ASYNC)
                .until(
                        () -> given().auth()
                                .oauth2(nanchang)
                                .queryParam("trackingNumber", trackingNumber)
                                .when()
                                .get(RunningSuite.CASES + "/api/v1/cases")
                                .then()
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
        given().auth()
                .oauth2(Tokens.of("dept-gz-amr"))
                .when()
                .get(RunningSuite.CASES + "/api/v1/cases/" + caseId)
                .then()
                .statusCode(404);
    }

    static Map<String, Object> webComplaint() {
        return Map.of(
                "kind", "COMPLAINT",
                "channel", "WEB",
                "category", "PRODUCT.FOOD",
                "subject",
                        Map.of(
                                "name", "南昌某某食品有限公司",
                                "creditCode", "91360100158304019E",
                                "regionCode", "360100"),
                "description", "购买的月饼已过保质期。",
                "remedy", "REFUND",
                "person", Map.of("name", "李四", "mobile", "13900139000"),
                "anonymous", false,
                "rewardRequested", false);
    }
}
