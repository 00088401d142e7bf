package cn.jxquality.cases.reward;

import static cn.jxquality.cases.reward.RewardFlow.propose;
import static cn.jxquality.cases.reward.RewardFlow.step;
import static cn.jxquality.cases.reward.RewardFlow.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Eligibility and the amount at proposal: only a requested reward for a report that ended SUBSTANTIATED or
 * REFERRED_TO_JUDICIARY, reporter not excluded, first reporter of the violation (same-day reports split); the
 * level's share of the case's fines and confiscations; four eyes; bad input named by field, nothing changed.
 */
@QuarkusTest
@QuarkusTestResource(RewardThirdParties.class)
class RewardProposalTest {

    private final RewardFlow flow = new RewardFlow();

    @AfterEach
    void close() {
        flow.close();
    }

    @Test
    void onlyTheFirstDaysReportersAreRewardedAndTheySplitEqually() {
        String decision = RewardFlow.decisionNumber();
        // 10:00 and 13:00 on 20 November in Beijing, then the next day; 5 % of 20,000,020 fen = 1,000,001 fen
        RewardFlow.Report first =
                flow.report(decision, true, Instant.parse("2026-11-20T02:00:00Z"), "SUBSTANTIATED", 20_000_020, 0);
        RewardFlow.Report sameDay =
                flow.report(decision, true, Instant.parse("2026-11-20T05:00:00Z"), "SUBSTANTIATED", 20_000_020, 0);
        RewardFlow.Report nextDay =
                flow.report(decision, true, Instant.parse("2026-11-21T02:00:00Z"), "SUBSTANTIATED", 20_000_020, 0);

        propose("reviewer1", nextDay, 1)
                .statusCode(409)
                .body("type", equalTo("https://jxquality.cn/problems/reward-not-eligible"))
                .body("detail", containsString("NOT_FIRST_REPORTER"));
        propose("reviewer1", first, 1)
                .statusCode(201)
                .body("violationAmountFen", equalTo(1_000_001))
                .body("amountFen", equalTo(500_001))
                .body("sharedBy", equalTo(2));
        propose("reviewer2", sameDay, 1).statusCode(201).body("amountFen", equalTo(500_000));
    }

    @Test
    void theListPagesNewestFirstWithTheLastOnesProposalTimeAndId() {
        flow.proposed(flow.report(RewardFlow.decisionNumber(), true, Instant.now(), "SUBSTANTIATED", 20_000_000, 0));
        flow.proposed(flow.report(RewardFlow.decisionNumber(), true, Instant.now(), "SUBSTANTIATED", 20_000_000, 0));
        List<java.util.Map<String, Object>> first = RewardFlow.as("approver1")
                .queryParam("limit", 1)
                .get("/api/v1/rewards")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        java.util.Map<String, Object> newest = first.get(0);
        String before = newest.get("proposedAt") + "|" + newest.get("id");
        List<java.util.Map<String, Object>> next = RewardFlow.as("approver1")
                .queryParam("limit", 1)
                .queryParam("before", before)
                .get("/api/v1/rewards")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertEquals(1, next.size());
        assertFalse(next.get(0).get("id").equals(newest.get("id")), "the next page repeats the newest");
        assertTrue(Instant.parse((String) next.get(0).get("proposedAt"))
                        .compareTo(Instant.parse((String) newest.get("proposedAt")))
                <= 0);
        RewardFlow.as("approver1")
                .queryParam("before", "yesterday")
                .get("/api/v1/rewards")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("before"));
    }

    /**
     * A report about the same enterprise received earlier, or the same day, may still be substantiated under the
     * same decision and be the first reporter: until it ends, nobody is proposed. A later report does not hold.
     */
    @Test
    void anOpenEarlierReportAboutTheEnterpriseHoldsTheProposalUntilItEnds() {
        String decision = RewardFlow.decisionNumber();
        String enterprise = RewardFlow.creditCode(decision);
        RewardFlow.Report earlier = flow.open("REPORT", true, Instant.parse("2026-11-20T02:00:00Z"), enterprise);
        RewardFlow.Report later =
                flow.report(decision, true, Instant.parse("2026-11-21T02:00:00Z"), "SUBSTANTIATED", 20_000_000, 0);
        flow.open("REPORT", true, Instant.parse("2026-11-22T02:00:00Z"), enterprise); // received after: no bar

        propose("reviewer1", later, 1)
                .statusCode(409)
                .body("type", equalTo("https://jxquality.cn/problems/reward-first-reporter-undecided"))
                .body("detail", containsString(earlier.trackingNumber()));
        assertEquals(List.of(earlier.trackingNumber()), waitingFor(later));
        RewardFlow.resolve(earlier, decision, "SUBSTANTIATED", 20_000_000, 0);
        assertEquals(List.of(), waitingFor(later));
        propose("reviewer1", later, 1).statusCode(409).body("detail", containsString("NOT_FIRST_REPORTER"));
        propose("reviewer1", earlier, 1).statusCode(201).body("amountFen", equalTo(1_000_000));
    }

    /** What the reviewers' candidate list says the report waits for. */
    private static List<String> waitingFor(RewardFlow.Report report) {
        return RewardFlow.as("reviewer1")
                .get("/api/v1/rewards/candidates?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("find { it.caseId == '" + report.caseId() + "' }.waitingFor", String.class);
    }

    /** Same-day reporters split one reward; one found excluded afterwards leaves the others a larger share. */
    @Test
    void aSameDayReporterFoundExcludedRaisesTheOthersShares() {
        String decision = RewardFlow.decisionNumber();
        RewardFlow.Report first =
                flow.report(decision, true, Instant.parse("2026-11-20T02:00:00Z"), "SUBSTANTIATED", 20_000_000, 0);
        RewardFlow.Report sameDay =
                flow.report(decision, true, Instant.parse("2026-11-20T09:00:00Z"), "SUBSTANTIATED", 20_000_000, 0);
        UUID rewardId = UUID.fromString(propose("reviewer1", first, 1)
                .statusCode(201)
                .body("amountFen", equalTo(500_000))
                .body("sharedBy", equalTo(2))
                .extract()
                .path("id"));
        propose("reviewer2", sameDay, 2)
                .statusCode(409)
                .body("type", equalTo("https://jxquality.cn/problems/reward-conflict"))
                .body("detail", containsString("level 1"));
        propose("reviewer2", sameDay.caseId(), 1, false, "[\"STAFF\"]", "an official of the bureau")
                .statusCode(409)
                .body("detail", containsString("EXCLUDED"));

        RewardFlow.as("auditor1")
                .get("/api/v1/rewards/" + rewardId)
                .then()
                .statusCode(200)
                .body("amountFen", equalTo(1_000_000))
                .body("sharedBy", equalTo(1));
        assertTrue(RewardFlow.as("auditor1")
                .get("/api/v1/rewards/" + rewardId + "/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("type", String.class)
                .contains("reward.reshared"));
    }

    /**
     * A reporter refused earlier and now found valid would take a reward already given to a later reporter: the
     * proposal is refused until that reward is rejected, and nothing changes meanwhile.
     */
    @Test
    void aProposalThatWouldShrinkAnotherRewardIsRefusedAndChangesNothing() {
        String decision = RewardFlow.decisionNumber();
        RewardFlow.Report reconsidered =
                flow.report(decision, true, Instant.parse("2026-11-18T02:00:00Z"), "SUBSTANTIATED", 20_000_000, 0);
        RewardFlow.Report citizen =
                flow.report(decision, true, Instant.parse("2026-11-19T02:00:00Z"), "SUBSTANTIATED", 20_000_000, 0);
        propose("reviewer1", reconsidered.caseId(), 1, false, "[\"STAFF\"]", "an official of the bureau")
                .statusCode(409);
        UUID given = UUID.fromString(propose("reviewer1", citizen, 1)
                .statusCode(201)
                .body("amountFen", equalTo(1_000_000))
                .extract()
                .path("id"));
        int version = version(given);

        propose("reviewer2", reconsidered, 1)
                .statusCode(409)
                .body("detail", containsString(given.toString()))
                .body("detail", containsString("reject"));
        assertEquals(version, version(given));
        RewardFlow.as("auditor1")
                .get("/api/v1/rewards?trackingNumber=" + reconsidered.trackingNumber())
                .then()
                .body("$", org.hamcrest.Matchers.hasSize(0));

        RewardFlow.as("approver1")
                .header("If-Match", "\"" + version(given) + "\"")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"an earlier reporter was found valid\"}")
                .post("/api/v1/rewards/" + given + "/reject")
                .then()
                .statusCode(200);
        propose("reviewer2", reconsidered, 1).statusCode(201).body("amountFen", equalTo(1_000_000));
    }

    @Test
    void reviewersFindTheReportsWaitingForAProposal() {
        RewardFlow.Report waiting = flow.substantiated(20_000_000, 0);
        RewardFlow.Report unasked =
                flow.report(RewardFlow.decisionNumber(), false, Instant.now(), "SUBSTANTIATED", 20_000_000, 0);
        var candidates = RewardFlow.as("reviewer1")
                .get("/api/v1/rewards/candidates?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("caseId", String.class);
        assertTrue(candidates.contains(waiting.caseId().toString()));
        assertFalse(candidates.contains(unasked.caseId().toString()));
        flow.proposed(waiting);
        assertFalse(RewardFlow.as("reviewer1")
                .get("/api/v1/rewards/candidates?limit=200")
                .then()
                .extract()
                .jsonPath()
                .getList("caseId", String.class)
                .contains(waiting.caseId().toString()));
    }

    @Test
    void anExcludedEarlierReporterLeavesTheRewardToTheNextValidOne() {
        String decision = RewardFlow.decisionNumber();
        RewardFlow.Report staff =
                flow.report(decision, true, Instant.parse("2026-11-18T02:00:00Z"), "SUBSTANTIATED", 20_000_000, 0);
        RewardFlow.Report citizen =
                flow.report(decision, true, Instant.parse("2026-11-19T02:00:00Z"), "SUBSTANTIATED", 20_000_000, 0);
        propose("reviewer1", staff.caseId(), 1, false, "[\"STAFF\"]", "an official of the bureau")
                .statusCode(409)
                .body("detail", containsString("EXCLUDED"));
        // the finding is kept: the staff report is not valid, so the citizen's is the first and takes it all
        propose("reviewer1", citizen, 1)
                .statusCode(201)
                .body("amountFen", equalTo(1_000_000))
                .body("sharedBy", equalTo(1));
    }

    @Test
    void onlyRequestedRewardsOfReportsThatEndedRewardablyAreProposed() {
        propose(
                        "reviewer1",
                        flow.report(RewardFlow.decisionNumber(), false, Instant.now(), "SUBSTANTIATED", 1_000_000, 0),
                        1)
                .statusCode(409)
                .body("detail", containsString("did not ask"));
        propose("reviewer1", flow.report(null, true, Instant.now(), "UNSUBSTANTIATED", 0, 0), 1)
                .statusCode(409)
                .body("detail", containsString("UNSUBSTANTIATED"));
        RewardFlow.Report complaint = flow.open("COMPLAINT", true, Instant.now());
        propose("reviewer1", complaint, 1).statusCode(409).body("detail", containsString("COMPLAINT"));
        propose("reviewer1", flow.report(null, true, Instant.now(), "REFERRED_TO_JUDICIARY", 0, 0), 3)
                .statusCode(201)
                .body("amountFen", equalTo(100_000)) // level 3's minimum ¥1,000, no fine
                .body("belowMajorViolationThreshold", equalTo(false));
    }

    @Test
    void theAmountFollowsTheLevelsShareMinimumAndCap() {
        propose("reviewer1", flow.substantiated(40_000_000, 10_000_000), 2)
                .statusCode(201)
                .body("baseFen", equalTo(50_000_000))
                .body("amountFen", equalTo(1_500_000)); // 3 % of fines + confiscations
        propose("reviewer1", flow.substantiated(0, 0).caseId(), 1, false, "[]", "small but clear")
                .statusCode(201)
                .body("amountFen", equalTo(500_000)) // level 1's minimum also without a fine
                .body("belowMajorViolationThreshold", equalTo(true));
        propose("reviewer1", flow.substantiated(4_000_000_000L, 0), 1)
                .statusCode(201)
                .body("amountFen", equalTo(100_000_000)); // 5 % would be ¥2,000,000: capped at ¥1,000,000
    }

    @Test
    void badProposalsAreRefusedNamingTheFieldAndChangeNothing() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        propose("reviewer1", report, 0).statusCode(400).body("violations[0].field", equalTo("level"));
        propose("reviewer1", report, 4).statusCode(400).body("violations[0].field", equalTo("level"));
        propose("reviewer1", report, -1).statusCode(400).body("violations[0].field", equalTo("level"));
        propose("reviewer1", report.caseId(), 1, false, "[\"NOBODY\"]", null)
                .statusCode(400)
                .body("violations[0].field", equalTo("exclusions[0]"));
        propose("reviewer1", report.caseId(), 1, true, "[\"VIOLATOR_NOT_INSIDER\"]", null)
                .statusCode(400)
                .body("violations[0].field", equalTo("exclusions"));
        propose("reviewer1", flow.substantiated(1_000, 0).caseId(), 1, false, "[]", null)
                .statusCode(400)
                .body("violations[0].field", equalTo("note"));
        RewardFlow.as("reviewer1")
                .contentType(ContentType.JSON)
                .body("{\"caseId\":\"" + report.caseId() + "\",\"level\":99999999999}")
                .post("/api/v1/rewards")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("level"));
        RewardFlow.as("reviewer1")
                .get("/api/v1/rewards?trackingNumber=" + report.trackingNumber())
                .then()
                .body("$", org.hamcrest.Matchers.hasSize(0));
        propose("reviewer1", report, 1).statusCode(201);
        propose("reviewer2", report, 2).statusCode(409);
    }

    @Test
    @TestSecurity(
            user = "both1",
            roles = {"reward-reviewer", "reward-approver"})
    void nobodyApprovesTheirOwnProposal() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        String body = """
                {"caseId":"%s","level":1,"naturalPerson":true,"insider":false,"exclusions":[]}""".formatted(report.caseId());
        UUID id = UUID.fromString(given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/rewards")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        given().header("If-Match", "\"0\"")
                .post("/api/v1/rewards/" + id + "/approve")
                .then()
                .statusCode(403)
                .body("detail", equalTo("Nobody may approve a reward they proposed."));
        given().header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"mine\"}")
                .post("/api/v1/rewards/" + id + "/reject")
                .then()
                .statusCode(403);
        given().get("/api/v1/rewards/" + id)
                .then()
                .body("state", equalTo("PROPOSED"))
                .body("version", equalTo(0));
    }

    @Test
    void approvingTwiceIsRefusedAndAStaleVersionToo() {
        RewardFlow.Report report = flow.substantiated(1_000_000_000, 0); // needs finance as well
        UUID id = flow.proposed(report);
        int proposed = version(id);
        step("approver1", id, "approve").statusCode(200).body("state", equalTo("PROPOSED"));
        step("approver2", id, "approve")
                .statusCode(409)
                .body("detail", equalTo("The reward is already approved by a reward approver."));
        RewardFlow.as("finance1")
                .header("If-Match", "\"" + proposed + "\"")
                .post("/api/v1/rewards/" + id + "/approve")
                .then()
                .statusCode(412);
        assertEquals(proposed + 1, version(id));
    }
}
