package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Section 23 end to end, on the packaged services: a real-name report asking for a reward is substantiated, the
 * reviewer proposes level 1, an approver approves, the reporter claims with tracking number + query code (checked by
 * complaint-service, identity matched against the sealed person), finance pays through the gateway, and the reporter
 * sees each step on the public timeline and is told by notify-service. A department never reaches the reward API.
 */
@ExtendWith(RunningSuite.class)
class RewardJourneyIT {

    static final Duration ASYNC = Duration.ofSeconds(30);
    static final String NAME = "王五";
    static final String ID_NUMBER = "11010519491231002X";
    /** ¥200,000 fine: level 1 is 5 % = ¥10,000 = 1,000,000 fen (above the ¥5,000 minimum, below the cap). */
    static final long FINES_FEN = 20_000_000L;

    @Test
    void aSubstantiatedReportIsRewardedClaimedAndPaidOnce() {
        Map<String, Object> receipt = given().contentType(ContentType.JSON)
                .body(report())
                .when()
                .post(RunningSuite.COMPLAINTS + "/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        String trackingNumber = (String) receipt.get("trackingNumber");
        String queryCode = (String) receipt.get("queryCode");

        String supervisor = Tokens.of("supervisor1");
        String caseId = CaseApi.substantiated(trackingNumber, supervisor, "洪市监罚〔2026〕1", FINES_FEN);

        String department = Tokens.of("dept-nc-amr");
        given().auth()
                .oauth2(department)
                .get(RunningSuite.CASES + "/api/v1/rewards")
                .then()
                .statusCode(403);

        String rewardUrl = CaseApi.proposal(Tokens.of("reviewer1"), caseId, 1)
                .body("state", equalTo("PROPOSED"))
                .body("amountFen", equalTo(1_000_000))
                .extract()
                .header("Location");
        String rewardId = rewardUrl.substring(rewardUrl.lastIndexOf('/') + 1);

        String approver = Tokens.of("approver1");
        CaseApi.rewardAction(approver, rewardId, "approve").body("state", equalTo("NOTIFIED"));

        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "trackingNumber", trackingNumber,
                        "queryCode", queryCode,
                        "claimantName", NAME,
                        "idType", "RESIDENT_ID_CARD",
                        "idNumber", ID_NUMBER,
                        "bankName", "中国工商银行南昌分行",
                        "bankAccountNumber", "6222021502001234567",
                        "bankAccountHolder", NAME))
                .post(RunningSuite.CASES + "/api/v1/reward-claims")
                .then()
                .statusCode(200);

        String finance = Tokens.of("finance1");
        CaseApi.rewardAction(finance, rewardId, "payout").body("state", equalTo("PAID"));
        // a second payout of the same reward changes nothing
        String etag = given().auth()
                .oauth2(finance)
                .get(RunningSuite.CASES + "/api/v1/rewards/" + rewardId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(finance)
                .header("If-Match", etag)
                .post(RunningSuite.CASES + "/api/v1/rewards/" + rewardId + "/payout")
                .then()
                .statusCode(409);

        List<Map<String, Object>> payments = given().get(
                        "http://127.0.0.1:" + RunningSuite.PAYMENT_GATEWAY_PORT + "/__admin/requests")
                .then()
                .statusCode(200)
                .extract()
                .path("requests.findAll { it.request.method == 'POST' && it.request.url == '/payments' }.request");
        long paidForThisReward = payments.stream()
                .filter(r -> String.valueOf(r.get("body")).contains(rewardId))
                .count();
        assertEquals(1, paidForThisReward, "the gateway was asked to pay this reward exactly once");

        await().atMost(ASYNC)
                .untilAsserted(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("trackingNumber", trackingNumber, "queryCode", queryCode))
                        .post(RunningSuite.COMPLAINTS + "/api/v1/status-lookups")
                        .then()
                        .statusCode(200)
                        .body("timeline.note", hasItem(notNullValue()))
                        .body("timeline.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(8)));

        await().atMost(ASYNC)
                .untilAsserted(() -> given().auth()
                        .oauth2(supervisor)
                        .queryParam("trackingNumber", trackingNumber)
                        .get(RunningSuite.NOTIFICATIONS + "/api/v1/notifications")
                        .then()
                        .statusCode(200)
                        .body(
                                "items.findAll { it.recipientKind == 'CITIZEN' }.eventType",
                                hasItem("reward.notified.v1"))
                        .body("items.findAll { it.recipientKind == 'CITIZEN' }.eventType", hasItem("reward.paid.v1"))
                        .body(not(org.hamcrest.Matchers.containsString("13900139001"))));

        // the reporter's identity reaches reward staff only through the audited view, never a department
        given().auth()
                .oauth2(department)
                .get(RunningSuite.CASES + "/api/v1/rewards/" + rewardId + "/reporter-identity")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(finance)
                .get(RunningSuite.CASES + "/api/v1/rewards/" + rewardId + "/reporter-identity")
                .then()
                .statusCode(200)
                .body("name", equalTo(NAME));
        // the auditor reads who saw the reporter: finance1's read just now is on the record, with its role
        List<Map<String, Object>> views = given()
                .auth()
                .oauth2(Tokens.of("auditor1"))
                .get(RunningSuite.CASES + "/api/v1/rewards/" + rewardId + "/identity-views")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("", Map.class)
                .stream()
                .map(view -> (Map<String, Object>) view)
                .toList();
        assertTrue(
                views.stream().anyMatch(view -> "finance1".equals(view.get("viewer")) && view.get("at") != null),
                "finance1's read of the reporter's identity is audited: " + views);
    }

    static Map<String, Object> report() {
        return Map.of(
                "kind",
                "REPORT",
                "channel",
                "WEB",
                "category",
                "PRODUCT.FOOD",
                "subject",
                Map.of(
                        "name", "南昌某某食品有限公司",
                        "creditCode", "91360100158304019E",
                        "regionCode", "360100"),
                "description",
                "该公司生产的月饼使用过期原料并篡改生产日期，有照片和进货单据为证。",
                "person",
                Map.of("name", NAME, "mobile", "13900139001", "idType", "RESIDENT_ID_CARD", "idNumber", ID_NUMBER),
                "anonymous",
                false,
                "rewardRequested",
                true);
    }
}
