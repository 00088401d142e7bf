package cn.jxquality.notify.template;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import cn.jxquality.notify.support.Events;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every template, in both languages, rendered with event data shaped like the producers' schemas. */
@QuarkusTest
class MessageTemplatesTest {

    static final String TRACKING = "JX20261125000042";
    static final String CJK = ".*[\\u4e00-\\u9fff].*";

    @Inject
    MessageTemplates templates;

    @Inject
    ObjectMapper json;

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
        "complaint-received-citizen, complaint.received.v1, 已登记, has been registered",
        "case-accepted-citizen, case.accepted.v1, 已由承办单位, has been accepted",
        "case-refused-citizen, case.refused.v1, 不予受理, has not been accepted",
        "case-transferred-citizen, case.transferred.v1, 已移送, has been transferred",
        "case-resolved-citizen, case.resolved.v1, 已办结, has been resolved",
        "case-assigned-department, case.assigned.v1, 已分派给贵单位, has been assigned",
        "case-transferred-department, case.transferred.v1, 已移送至贵单位, transferred to your department",
        "case-deadline-near-department, case.deadline-near.v1, 即将届满, is near",
        "case-overdue-supervisor, case.overdue.v1, 督办, is overdue",
        "case-triage-supervisor, case.triage-needed.v1, 请分派, matches no routing rule"
    })
    void rendersInChineseAndEnglish(String template, String type, String chinese, String english) throws Exception {
        Map<String, Object> data = data(type, "经调解，商家同意退款");

        String zh = templates.body(template, "zh-CN", data);
        String en = templates.body(template, "en", data);

        assertThat(zh, containsString(TRACKING));
        assertThat(zh, containsString(chinese));
        assertThat(en, containsString(TRACKING));
        assertThat(en, containsString(english));
        assertThat(en.replace("经调解，商家同意退款", ""), not(matchesPattern(CJK)));
        for (String body : new String[] {zh, en}) {
            assertThat(body, not(containsString("{")));
            assertThat(body, not(containsString("null")));
        }
    }

    @ParameterizedTest
    @CsvSource({"zh-CN, 退订码 ABCD2345", "en, opt-out code ABCD2345", "fr, 退订码 ABCD2345"})
    void citizenMessagesCarryTheOptOutCodeInTheirLanguage(String language, String expected) throws Exception {
        Map<String, Object> data = data("complaint.received.v1", null);
        data.put("optOutCode", "ABCD2345");
        data.put("optOutUrl", "https://12365.jxquality.cn/opt-out");

        assertThat(templates.body("complaint-received-citizen", language, data), containsString(expected));
    }

    @Test
    void aNoteMissingFromTheEventLeavesNoGap() throws Exception {
        String en = templates.body("case-refused-citizen", "en", data("case.refused.v1", null));
        assertThat(en, not(containsString("Reason")));
        assertThat(en, not(containsString("null")));
    }

    @Test
    void deadlinesAreNamedAndShownInBeijingTime() throws Exception {
        Map<String, Object> data =
                event("""
                {"caseId":"%s","complaintId":"%s","trackingNumber":"%s","kind":"REPORT","departmentCode":"360100-AMR",
                 "state":"UNDER_INVESTIGATION","deadline":"verifyBy","dueAt":"2026-12-01T09:30:00Z",
                 "occurredAt":"2026-11-27T01:00:00Z","escalationId":"%s","escalationDueAt":"2026-12-08T10:00:00Z"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), TRACKING, UUID.randomUUID()));

        assertThat(
                templates.body("case-deadline-near-department", "zh-CN", data),
                containsString("核查期限即将届满（2026-12-01 17:30）"));
        assertThat(
                templates.body("case-deadline-near-department", "en", data),
                containsString("verification deadline of case " + TRACKING));
        assertThat(
                templates.body("case-overdue-supervisor", "zh-CN", data),
                containsString("（2026-12-01 17:30），请督办，督办期限 2026-12-08 18:00"));
        assertThat(
                templates.body("case-overdue-supervisor", "en", data),
                containsString("since 2026-12-01 17:30 Beijing time"));
    }

    @Test
    void aDeadlineNearingInTriageAsksTheSupervisorsToAssign() throws Exception {
        Map<String, Object> data = event(Events.deadlineAlert(UUID.randomUUID(), TRACKING, null, false));
        String zh = templates.body("case-deadline-near-supervisor", "zh-CN", data);
        String en = templates.body("case-deadline-near-supervisor", "en", data);
        assertThat(zh, containsString(TRACKING));
        assertThat(zh, containsString("受理期限即将届满"));
        assertThat(zh, containsString("请尽快分派"));
        assertThat(en, containsString("acceptance deadline of case " + TRACKING));
        assertThat(en, not(matchesPattern(CJK)));
        for (String body : new String[] {zh, en}) {
            assertThat(body, not(containsString("null")));
        }
    }

    @Test
    void subjectsNameTheTrackingNumber() throws Exception {
        Map<String, Object> data = data("case.resolved.v1", null);
        assertThat(templates.subject("zh-CN", data), containsString(TRACKING + " 办理进度通知"));
        assertThat(templates.subject("en", data), containsString(TRACKING + ": progress update"));
    }

    @Test
    void aTransferToTriageNamesNoDepartment() throws Exception {
        Map<String, Object> data = event(Events.caseTransitioned(
                UUID.randomUUID(), TRACKING, null, "360100-AMR", "NEW", null, "移送 Transferred"));
        for (String language : new String[] {"zh-CN", "en"}) {
            String body = templates.body("case-transferred-citizen", language, data);
            assertThat(body, not(containsString("null")));
            assertThat(body, not(containsString("360100-AMR")));
        }
    }

    @Test
    void departmentNoticesNeedOnlyTheCoreFields() throws Exception {
        // optional or later fields may be absent: a strict Qute template must not fail the whole event for them
        Map<String, Object> data = event("{\"complaintId\":\"" + UUID.randomUUID() + "\",\"trackingNumber\":\""
                + TRACKING + "\",\"departmentCode\":\"360100-AMR\"}");
        for (String template : new String[] {"case-deadline-near-department", "case-overdue-supervisor"}) {
            for (String language : new String[] {"zh-CN", "en"}) {
                String body = templates.body(template, language, data);
                assertThat(body, containsString(TRACKING));
                assertThat(body, not(containsString("null")));
            }
        }
    }

    /** The data of each type as its producer publishes it (see {@link Events} and EventContractTest). */
    private Map<String, Object> data(String type, String publicNote) throws Exception {
        UUID id = UUID.randomUUID();
        String nc = "360100-AMR";
        String event = switch (type) {
            case "complaint.received.v1" -> Events.complaintReceived(id, TRACKING, false);
            case "case.assigned.v1" -> Events.caseEvent(id, TRACKING, nc, "ASSIGNED");
            case "case.accepted.v1" -> Events.caseTransitioned(id, TRACKING, nc, null, "ACCEPTED", null, null);
            case "case.refused.v1" -> Events.caseTransitioned(id, TRACKING, nc, null, "NOT_ACCEPTED", null, null);
            case "case.transferred.v1" ->
                Events.caseTransitioned(id, TRACKING, nc, "360700-AMR", "ASSIGNED", null, null);
            case "case.resolved.v1" -> Events.caseTransitioned(id, TRACKING, nc, null, "RESOLVED", "MEDIATED", null);
            case "case.deadline-near.v1" -> Events.deadlineAlert(id, TRACKING, nc, false);
            case "case.overdue.v1" -> Events.deadlineAlert(id, TRACKING, nc, true);
            case "case.triage-needed.v1" -> Events.triageNeeded(id, TRACKING);
            default -> throw new IllegalArgumentException("no fixture for " + type);
        };
        Map<String, Object> data = event(event);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) data.get("event");
        if (fields.containsKey("publicNote")) {
            fields.put("publicNote", publicNote);
        }
        return data;
    }

    private Map<String, Object> event(String eventJson) throws Exception {
        Map<String, Object> fields = json.readValue(eventJson, new TypeReference<>() {});
        Map<String, Object> data = new HashMap<>();
        data.put("event", fields);
        data.put("optOutCode", null);
        data.put("optOutUrl", "https://12365.jxquality.cn/opt-out");
        return data;
    }
}
