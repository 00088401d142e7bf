package cn.jxquality.complaint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Instant;
import java.util.UUID;

/** case-service's case API as WireMock plays it for the console's tests (its published shapes). */
public final class CaseServiceStubs {

    private CaseServiceStubs() {}

    /** A case of {@code trackingNumber} in {@code state} at {@code version}, for 360100-AMR. */
    public static String caseJson(UUID id, String trackingNumber, String state, int version) {
        return """
                {"id":"%s","trackingNumber":"%s","kind":"COMPLAINT","category":"PRODUCT.FOOD","regionCode":"360100",
                 "subjectName":"测试超市","departmentCode":"360100-AMR","state":"%s","outcome":null,
                 "deadlines":{"acceptBy":"2026-12-15T15:59:59Z"},"provisionalDeadlines":[],
                 "receivedAt":"%s","version":%d}""".formatted(id, trackingNumber, state, Instant.now(), version);
    }

    /** The case, its actions at its version, an empty trail and a worklist holding it. */
    public static void openCase(UUID id, String trackingNumber, String state, int version, String actions) {
        OtherServices.wireMock()
                .stubFor(get(urlEqualTo("/api/v1/cases/" + id))
                        .willReturn(json(200, caseJson(id, trackingNumber, state, version))));
        OtherServices.wireMock()
                .stubFor(get(urlEqualTo("/api/v1/cases/" + id + "/actions"))
                        .willReturn(json(
                                200,
                                "{\"caseId\":\"%s\",\"version\":%d,\"actions\":[%s]}"
                                        .formatted(id, version, actions))));
        OtherServices.wireMock()
                .stubFor(get(urlEqualTo("/api/v1/cases/" + id + "/events")).willReturn(json(200, "[]")));
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/cases"))
                        .willReturn(json(
                                200,
                                "{\"items\":[" + caseJson(id, trackingNumber, state, version) + "],\"next\":null}")));
    }

    /** case-service's answer to {@code action} on the case. */
    public static void answer(UUID id, String action, int status, String body) {
        OtherServices.wireMock()
                .stubFor(post(urlEqualTo("/api/v1/cases/" + id + "/" + action)).willReturn(json(status, body)));
    }

    /** Statistics of an empty period, and no risk alerts. */
    public static void statistics() {
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/stats/summary")).willReturn(json(200, """
                                {"from":"2026-11-07","to":"2026-12-06","received":0,"decided":0,"ratings":0,
                                 "byOutcome":{},"byDepartment":[],"byCategory":[],"byRegion":[],"mostSubstantiated":[]}""")));
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/stats/totals")).willReturn(json(200, "[]")));
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/risk-alerts")).willReturn(json(200, "[]")));
    }

    /** No open escalation, no failed notification, and {@code notification}'s re-send accepted. */
    public static void quietQueues(UUID notification) {
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/escalations")).willReturn(json(200, "[]")));
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/notifications"))
                        .willReturn(json(200, "{\"items\":[],\"next\":null}")));
        OtherServices.wireMock()
                .stubFor(post(urlEqualTo("/api/v1/notifications/" + notification + "/resend"))
                        .willReturn(json(202, "{\"id\":\"" + notification + "\",\"status\":\"PENDING\"}")));
    }

    /** A bulk re-send of three SMS, one sent: what notify-service answers when it starts and when it is asked. */
    public static void resendBatch(UUID id) {
        String batch = """
                {"id":"%s","requestedBy":"supervisor1","requestedAt":"2026-12-06T02:00:00Z","channel":"SMS","total":3,
                 "byStatus":{"SENT":1,"PENDING":2}}""".formatted(id);
        OtherServices.wireMock()
                .stubFor(post(urlPathEqualTo("/api/v1/notifications/resend-batches"))
                        .willReturn(json(201, batch)));
        OtherServices.wireMock()
                .stubFor(get(urlEqualTo("/api/v1/notifications/resend-batches/" + id))
                        .willReturn(json(200, batch)));
    }

    /**
     * A reward for {@code trackingNumber}'s case, proposed by reviewer1 at version 1: ¥10,000 at level 1 from a
     * ¥200,000 fine, {@code allowed} case-service's allowed actions ({@code "APPROVE","REJECT"}).
     */
    public static String rewardJson(
            UUID id,
            UUID caseId,
            String trackingNumber,
            String state,
            String approver,
            boolean financeRequired,
            String allowed) {
        return """
                {"id":"%s","caseId":"%s","trackingNumber":"%s","level":1,"baseFen":1000000,"violationAmountFen":20000000,
                 "amountFen":1000000,"sharedBy":1,"insider":false,"exclusionsDeclared":[],
                 "belowMajorViolationThreshold":false,"financeApprovalRequired":%s,"state":"%s","proposer":"reviewer1",
                 "approver":%s,"financeApprover":null,"proposalNote":"举报内容详实。","publicNote":null,
                 "proposedAt":"2026-12-01T02:00:00Z","allowedActions":[%s],"version":1}""".formatted(
                        id,
                        caseId,
                        trackingNumber,
                        financeRequired,
                        state,
                        approver == null ? "null" : "\"" + approver + "\"",
                        allowed);
    }

    /** The reward (as {@link #rewardJson}), its trail, a list holding it, and one candidate: {@code caseId}. */
    public static void reward(UUID id, UUID caseId, String trackingNumber, String rewardJson) {
        OtherServices.wireMock()
                .stubFor(get(urlEqualTo("/api/v1/rewards/" + id)).willReturn(json(200, rewardJson)));
        OtherServices.wireMock()
                .stubFor(get(urlEqualTo("/api/v1/rewards/" + id + "/events")).willReturn(json(200, """
                                [{"type":"reward.proposed","fromState":null,"toState":"PROPOSED","actor":"reviewer1",
                                  "role":"reward-reviewer","at":"2026-12-01T02:00:00Z","note":"举报内容详实。"}]""")));
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/rewards")).willReturn(json(200, "[" + rewardJson + "]")));
        OtherServices.wireMock()
                .stubFor(get(urlPathEqualTo("/api/v1/rewards/candidates"))
                        .willReturn(json(200, """
                                [{"caseId":"%s","trackingNumber":"%s","subjectName":"南昌某某食品有限公司",
                                  "subjectCreditCode":"91360100158304019E","outcome":"SUBSTANTIATED",
                                  "decisionNumber":"洪市监罚〔2026〕7号","finesFen":20000000,"confiscationsFen":0,
                                  "receivedAt":"2026-11-20T02:00:00Z","resolvedAt":"2026-11-30T02:00:00Z",
                                  "waitingFor":[]}]""".formatted(caseId, trackingNumber))));
        OtherServices.wireMock()
                .stubFor(get(urlEqualTo("/api/v1/rewards/" + id + "/identity-views"))
                        .willReturn(json(200, """
                                [{"viewer":"approver1","role":"reward-approver","at":"2026-12-02T03:00:00Z"}]""")));
        OtherServices.wireMock()
                .stubFor(get(urlEqualTo("/api/v1/rewards/" + id + "/reporter-identity"))
                        .willReturn(json(200, """
                                {"anonymous":false,"name":"王五","mobile":"13700137000","idType":"RESIDENT_ID_CARD",
                                 "idNumber":"11010519491231002X","email":null,"address":null}""")));
    }

    /** case-service's answer to {@code action} ({@code approve}, {@code reject}, {@code payout}) on reward {@code id}. */
    public static void rewardAnswer(UUID id, String action, int status, String body) {
        OtherServices.wireMock()
                .stubFor(
                        post(urlEqualTo("/api/v1/rewards/" + id + "/" + action)).willReturn(json(status, body)));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .withBody(body);
    }
}
