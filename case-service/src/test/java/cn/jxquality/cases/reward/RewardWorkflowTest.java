package cn.jxquality.cases.reward;

import static cn.jxquality.cases.reward.RewardFlow.as;
import static cn.jxquality.cases.reward.RewardFlow.claim;
import static cn.jxquality.cases.reward.RewardFlow.propose;
import static cn.jxquality.cases.reward.RewardFlow.step;
import static cn.jxquality.cases.reward.RewardFlow.version;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.jxquality.cases.deadline.CaseDeadlines;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reward workflow through the API with real tokens: proposal, approval (and finance's at ¥500,000), the
 * notification that opens the claim window, the reporter's claim, the payout, the rejection; every step on the
 * audit trail and published on reward-events as its schema says.
 */
@QuarkusTest
@QuarkusTestResource(RewardThirdParties.class)
class RewardWorkflowTest {

    @Inject
    Pool pool;

    @Inject
    CaseDeadlines deadlines;

    private final RewardFlow flow = new RewardFlow();

    @AfterEach
    void close() {
        flow.close();
    }

    @Test
    void aRewardGoesFromProposalToPayoutAndEachStepIsPublished() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0); // ¥200,000 fines: 5 % is ¥10,000
        UUID id = UUID.fromString(propose("reviewer1", report, 1)
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("state", equalTo("PROPOSED"))
                .body("amountFen", equalTo(1_000_000))
                .body("sharedBy", equalTo(1))
                .body("financeApprovalRequired", equalTo(false))
                .body("proposer", equalTo("reviewer1"))
                .extract()
                .path("id"));

        step("approver1", id, "approve")
                .statusCode(200)
                .body("state", equalTo("NOTIFIED"))
                .body("approver", equalTo("approver1"))
                .body("claimBy", notNullValue())
                .body("allowedActions", hasItems("CLAIM", "EXPIRE"));
        step("approver2", id, "approve").statusCode(409);
        // the claim window: 30 working days on the seeded calendar from the day after notification (Beijing)
        LocalDate today = LocalDate.now(CaseDeadlines.BEIJING);
        LocalDate lastDay = deadlines.calendar().addWorkingDays(today, 30);
        as("auditor1")
                .get("/api/v1/rewards/" + id)
                .then()
                .body("claimDeadline", equalTo(lastDay.toString()))
                .body(
                        "claimBy",
                        equalTo(lastDay.atTime(23, 59, 59)
                                .atZone(CaseDeadlines.BEIJING)
                                .toInstant()
                                .toString()));

        RewardFlow.credentials(report, true);
        claim(report, "张三", "张三", RewardFlow.client())
                .statusCode(200)
                .body("state", equalTo("CLAIMED"))
                .body("amountFen", equalTo(1_000_000));

        RewardFlow.gatewayPays();
        step("finance1", id, "payout")
                .statusCode(200)
                .body("state", equalTo("PAID"))
                .body("paymentReference", notNullValue());

        assertEquals(
                List.of("reward.proposed.v1", "reward.approved.v1", "reward.notified.v1", "reward.claimed.v1"),
                awaitTypes(report, 5).subList(0, 4));
        JsonNode notified = flow.awaitRewardEvent(report.complaintId(), "reward.notified.v1");
        assertFalse(notified.get("claimBy").isNull());
        assertEquals(1_000_000, notified.get("amountFen").asLong());
        JsonNode claimed = flow.awaitRewardEvent(report.complaintId(), "reward.claimed.v1");
        for (String personal : List.of("张三", "6222021502001234567", "360102199001011234", report.queryCode())) {
            assertFalse(claimed.toString().contains(personal), "no personal data and no query code in events");
            assertFalse(notified.toString().contains(personal));
        }
        JsonNode paid = flow.awaitRewardEvent(report.complaintId(), "reward.paid.v1");
        assertEquals("PAID", paid.get("state").asText());
        assertEquals(
                report.trackingNumber(),
                RewardFlow.header(flow.rewardRecord(report.complaintId(), "reward.paid.v1"), "ce_subject"));

        as("auditor1")
                .get("/api/v1/rewards/" + id + "/events")
                .then()
                .statusCode(200)
                .body(
                        "type",
                        equalTo(List.of(
                                "reward.proposed",
                                "reward.approved",
                                "reward.notified",
                                "reward.claimed",
                                "reward.paid")))
                .body("[0].actor", equalTo("reviewer1"))
                .body("[1].actor", equalTo("approver1"))
                .body("[3].actor", equalTo("reporter"))
                .body("[4].actor", equalTo("finance1"));
        assertEquals(List.of("REQUESTED", "PAID"), ledger(id));
    }

    @Test
    void theClaimsPersonalDataIsSealedAtRest() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        UUID id = flow.notified(report);
        RewardFlow.credentials(report, true);
        claim(report, "张三丰", "张三丰", RewardFlow.client()).statusCode(200);

        Row row = pool.preparedQuery("SELECT key_id, sealed_data FROM reward_claim WHERE reward_id = $1")
                .execute(Tuple.of(id))
                .await()
                .indefinitely()
                .iterator()
                .next();
        assertEquals("test-1", row.getString("key_id"));
        String stored = new String(row.getBuffer("sealed_data").getBytes(), StandardCharsets.ISO_8859_1);
        String storedUtf8 = new String(row.getBuffer("sealed_data").getBytes(), StandardCharsets.UTF_8);
        for (String secret : List.of("6222021502001234567", "360102199001011234")) {
            assertFalse(stored.contains(secret), "the account and ID number are not stored in the clear");
        }
        assertFalse(storedUtf8.contains("张三丰"), "the name is not stored in the clear");
        for (String type : flow.rewardEventTypes(report.complaintId())) {
            assertNotNull(type);
        }
    }

    @Test
    void aRewardOfFiveHundredThousandYuanWaitsForFinance() {
        RewardFlow.Report report = flow.substantiated(1_000_000_000, 0); // 5 % of ¥10,000,000 = ¥500,000
        UUID id = UUID.fromString(propose("reviewer1", report, 1)
                .statusCode(201)
                .body("amountFen", equalTo(50_000_000))
                .body("financeApprovalRequired", equalTo(true))
                .extract()
                .path("id"));
        step("approver1", id, "approve")
                .statusCode(200)
                .body("state", equalTo("PROPOSED"))
                .body("allowedActions", equalTo(List.of("APPROVE_AS_FINANCE", "REJECT")));
        step("finance1", id, "approve")
                .statusCode(200)
                .body("state", equalTo("NOTIFIED"))
                .body("financeApprover", equalTo("finance1"));
    }

    @Test
    void justBelowFiveHundredThousandYuanOneApprovalIsEnough() {
        RewardFlow.Report report = flow.substantiated(999_999_980, 0); // 5 % = 49,999,999 fen
        UUID id = UUID.fromString(propose("reviewer1", report, 1)
                .statusCode(201)
                .body("amountFen", equalTo(49_999_999))
                .body("financeApprovalRequired", equalTo(false))
                .extract()
                .path("id"));
        step("approver1", id, "approve").statusCode(200).body("state", equalTo("NOTIFIED"));
    }

    @Test
    void aRejectedRewardIsToldWithItsReasonAndNeverPaid() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        UUID id = flow.proposed(report);
        as("approver1")
                .header("If-Match", "\"" + version(id) + "\"")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"证据与处罚事实不符 The evidence does not match the penalty\"}")
                .post("/api/v1/rewards/" + id + "/reject")
                .then()
                .statusCode(200)
                .body("state", equalTo("REJECTED"));
        JsonNode rejected = flow.awaitRewardEvent(report.complaintId(), "reward.rejected.v1");
        assertEquals(true, rejected.get("publicNote").asText().contains("The evidence does not match"));

        int before = version(id);
        step("finance1", id, "payout").statusCode(409).body("detail", equalTo("A rejected reward is never paid."));
        step("approver2", id, "approve").statusCode(409);
        assertEquals(before, version(id));
        assertEquals(List.of(), ledger(id));
    }

    @Test
    void theSupervisorsReportCountsByLevelStateAndMonthAndSumsWhatWasPaid() {
        long paidBefore = as("supervisor1")
                .get("/api/v1/rewards/report")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("totalPaidFen");
        RewardFlow.Report report = flow.substantiated(30_000_000, 0); // level 2: 3 % = ¥9,000
        UUID id = UUID.fromString(
                propose("reviewer1", report, 2).statusCode(201).extract().path("id"));
        step("approver1", id, "approve").statusCode(200);
        RewardFlow.credentials(report, true);
        claim(report, "张三", "张三", RewardFlow.client()).statusCode(200);
        RewardFlow.gatewayPays();
        step("finance1", id, "payout").statusCode(200);

        String month = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .toString()
                .substring(0, 7);
        var body = as("supervisor1")
                .get("/api/v1/rewards/report")
                .then()
                .statusCode(200)
                .body("byLevel.key", hasItems("2"))
                .body("byState.key", hasItems("PAID"))
                .body("byMonth.key", hasItems(month))
                .extract()
                .jsonPath();
        assertEquals(paidBefore + 900_000, body.getLong("totalPaidFen"));
        as("supervisor1")
                .get("/api/v1/rewards/report?from=2026-13-01")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void aRewardIsShownWithoutTheReportersIdentity() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        UUID id = flow.proposed(report);
        var shown = as("auditor1").get("/api/v1/rewards/" + id).then().statusCode(200);
        shown.body("claimantName", nullValue())
                .body("bankAccountNumber", nullValue())
                .body("name", nullValue());
        as("reviewer1")
                .get("/api/v1/rewards?trackingNumber=" + report.trackingNumber())
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(id.toString())));
    }

    private List<String> awaitTypes(RewardFlow.Report report, int count) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> flow.rewardEventTypes(report.complaintId()), types -> types.size() >= count);
    }

    private List<String> ledger(UUID id) {
        return StreamSupport.stream(
                        pool.preparedQuery(
                                        "SELECT entry FROM payout_ledger WHERE reward_id = $1 ORDER BY at, entry DESC")
                                .execute(Tuple.of(id))
                                .await()
                                .indefinitely()
                                .spliterator(),
                        false)
                .map(r -> r.getString("entry"))
                .toList();
    }
}
