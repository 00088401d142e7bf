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
        "case-overdue-supervisor, case.overdue.v1, 督办, is overdue"
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
    void subjectsNameTheTrackingNumber() throws Exception {
        Map<String, Object> data = data("case.resolved.v1", null);
        assertThat(templates.subject("zh-CN", data), containsString(TRACKING + " 办理进度通知"));
        assertThat(templates.subject("en", data), containsString(TRACKING + ": progress update"));
    }

    private Map<String, Object> data(String type, String publicNote) throws Exception {
        UUID complaintId = UUID.randomUUID();
        String event = type.startsWith("complaint.")
                ? Events.complaintReceived(complaintId, TRACKING, false)
                : Events.caseEvent(complaintId, TRACKING, "360100-AMR", "ACCEPTED");
        Map<String, Object> fields = json.readValue(event, new TypeReference<>() {});
        if (fields.containsKey("publicNote")) {
            fields.put("publicNote", publicNote);
        }
        Map<String, Object> data = new HashMap<>();
        data.put("event", fields);
        data.put("optOutCode", null);
        data.put("optOutUrl", "https://12365.jxquality.cn/opt-out");
        return data;
    }
}
