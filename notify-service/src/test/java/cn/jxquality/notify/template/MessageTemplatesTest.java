package cn.jxquality.notify.template;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    static final String PUBLIC_URL = "https://12365.jxquality.cn";

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
        "case-triage-supervisor, case.triage-needed.v1, 请分派, matches no routing rule",
        "case-escalation-overdue-supervisor, case.escalation-overdue.v1, 督办期限, still open past its own deadline",
        "follow-up-survey-citizen, case.closed.v1, 欢迎对办理情况评分, Rate it from 1 (poor) to 5 (very good)",
        "reward-notified-citizen, reward.notified.v1, '3,000.00 元', 'CNY 3,000.00'",
        "reward-rejected-citizen, reward.rejected.v1, 未获批准, has not been approved",
        "reward-paid-citizen, reward.paid.v1, 已发放, has been paid",
        "reward-expired-citizen, reward.expired.v1, 已失效, has lapsed"
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

    /** An address not confirmed yet gets the receipt with the page and code that confirm it; a confirmed one does not. */
    @Test
    void anUnconfirmedAddressesReceiptCarriesItsConfirmationLink() throws Exception {
        Map<String, Object> data = data("complaint.received.v1", null);
        String link = PUBLIC_URL + "/confirm-contact?medium=SMS&trackingNumber=" + TRACKING + "&code=SMS2CODE";
        for (String language : new String[] {"zh-CN", "en"}) {
            assertThat(templates.body("complaint-received-citizen", language, data), not(containsString(link)));
        }
        data.put("confirmCode", "SMS2CODE");
        assertThat(templates.body("complaint-received-citizen", "zh-CN", data), containsString(link));
        assertThat(templates.body("complaint-received-citizen", "zh-CN", data), containsString("确认码 SMS2CODE"));
        assertThat(templates.body("complaint-received-citizen", "en", data), containsString(link));
    }

    /** Every link a citizen gets opens a page of the public site, never a JSON endpoint (DESIGN §2). */
    @ParameterizedTest(name = "{0} / {2}")
    @CsvSource({
        "complaint-received-citizen, complaint.received.v1, /status?trackingNumber=",
        "case-accepted-citizen, case.accepted.v1, /status?trackingNumber=",
        "case-refused-citizen, case.refused.v1, /status?trackingNumber=",
        "case-transferred-citizen, case.transferred.v1, /status?trackingNumber=",
        "case-resolved-citizen, case.resolved.v1, /rate?trackingNumber=",
        "follow-up-survey-citizen, case.closed.v1, /rate?trackingNumber=",
        "reward-notified-citizen, reward.notified.v1, /reward-claim?trackingNumber=",
        "reward-rejected-citizen, reward.rejected.v1, /opt-out?trackingNumber=",
        "reward-paid-citizen, reward.paid.v1, /opt-out?trackingNumber=",
        "reward-expired-citizen, reward.expired.v1, /opt-out?trackingNumber=",
        "complaint-sent-to-enterprise-citizen, complaint.sent-to-enterprise.v1, /status?trackingNumber=",
        "odr-settled-citizen, complaint.enterprise-responded.v1, /status?trackingNumber=",
        "odr-closed-citizen, complaint.settlement-answered.v1, /status?trackingNumber=",
        "complaint-escalated-citizen, complaint.received.v1 after ODR, /status?trackingNumber="
    })
    void everyLinkACitizenGetsOpensAPage(String template, String type, String page) throws Exception {
        Map<String, Object> data = data(type, null);
        data.put("optOutCode", "ABCD2345");
        for (String language : new String[] {"zh-CN", "en"}) {
            String body = templates.body(template, language, data);
            assertThat(body, containsString(PUBLIC_URL + page + TRACKING));
            assertThat(body, containsString(PUBLIC_URL + "/opt-out?trackingNumber=" + TRACKING + "&code=ABCD2345"));
            assertThat(body, not(containsString("/api/")));
        }
    }

    @Test
    void aNoteMissingFromTheEventLeavesNoGap() throws Exception {
        String en = templates.body("case-refused-citizen", "en", data("case.refused.v1", null));
        assertThat(en, not(containsString("Reason")));
        assertThat(en, not(containsString("null")));
    }

    @Test
    void deadlinesAreNamedAndShownInBeijingTime() throws Exception {
        String verification = """
                {"caseId":"%s","complaintId":"%s","trackingNumber":"%s","kind":"REPORT","departmentCode":"360100-AMR",
                 "state":"UNDER_INVESTIGATION","deadline":"verifyBy","dueAt":"2026-12-01T09:30:00Z",
                 "occurredAt":"2026-11-27T01:00:00Z","escalationId":"%s","escalationDueAt":"2026-12-08T10:00:00Z"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), TRACKING, UUID.randomUUID());
        Map<String, Object> data = event(verification);

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

        // a case its department has neither taken on nor passed on
        data = event(verification.replace("\"verifyBy\"", "\"transferBy\"").replace("UNDER_INVESTIGATION", "ASSIGNED"));
        assertThat(templates.body("case-deadline-near-department", "zh-CN", data), containsString("移送期限即将届满"));
        assertThat(
                templates.body("case-deadline-near-department", "en", data),
                containsString("transfer deadline of case " + TRACKING));
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
    void aRewardNoticeSaysHowMuchByWhenAndWhereToClaimIt() throws Exception {
        Map<String, Object> data = event(Events.reward(UUID.randomUUID(), TRACKING, "NOTIFIED"));
        String zh = templates.body("reward-notified-citizen", "zh-CN", data);
        String en = templates.body("reward-notified-citizen", "en", data);
        // 300000 fen; claim window ends 2027-01-15T09:30Z, 17:30 in Beijing
        assertThat(zh, containsString("获得奖励 3,000.00 元"));
        String claimPage = PUBLIC_URL + "/reward-claim?trackingNumber=" + TRACKING;
        assertThat(zh, containsString("于 2027-01-15 17:30（北京时间）前访问 " + claimPage));
        assertThat(zh, containsString("凭受理编号和查询码申领"));
        assertThat(en, containsString("a reward of CNY 3,000.00"));
        assertThat(en, containsString("by 2027-01-15 17:30 Beijing time at " + claimPage));
        assertThat(en, containsString("with your tracking number and query code"));
        assertThat(en, not(containsString("300000")));
    }

    @Test
    void aRejectionGivesItsReasonAndNoAmount() throws Exception {
        Map<String, Object> data = event(Events.reward(UUID.randomUUID(), TRACKING, "REJECTED"));
        String zh = templates.body("reward-rejected-citizen", "zh-CN", data);
        String en = templates.body("reward-rejected-citizen", "en", data);
        assertThat(zh, containsString("理由：举报事项与查处事实不符"));
        assertThat(en, containsString("Reason: 举报事项与查处事实不符"));
        for (String body : new String[] {zh, en}) {
            assertThat(body, not(containsString("元")));
            assertThat(body, not(containsString("null")));
        }
    }

    @Test
    void theSurveySaysWhereAndHowToRateButNeverHoldsTheQueryCode() throws Exception {
        Map<String, Object> data = data("case.closed.v1", null);
        String feedback = PUBLIC_URL + "/rate?trackingNumber=" + TRACKING;
        String zh = templates.body("follow-up-survey-citizen", "zh-CN", data);
        String en = templates.body("follow-up-survey-citizen", "en", data);
        assertThat(zh, containsString("评分（1–5 分，5 分为非常满意）：访问 " + feedback + " ，凭提交时获得的查询码"));
        assertThat(
                en, containsString("Rate it from 1 (poor) to 5 (very good) at " + feedback + " with the query code"));
    }

    @Test
    void anEscalationPastItsDeadlineShowsItInBeijingTime() throws Exception {
        Map<String, Object> data = data("case.escalation-overdue.v1", null);
        assertThat(
                templates.body("case-escalation-overdue-supervisor", "zh-CN", data),
                containsString("（承办单位 360100-AMR，状态 ACCEPTED）的督办期限（2026-12-08 18:00）已过"));
        assertThat(
                templates.body("case-escalation-overdue-supervisor", "en", data),
                containsString("past its own deadline of 2026-12-08 18:00 Beijing time"));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "91360100MA35GR7T1E, 统一社会信用代码为 91360100MA35GR7T1E 的企业在地区 360100, "
                        + "the enterprise with unified social credit code 91360100MA35GR7T1E in region 360100",
                "-, 类别 PRODUCT.FOOD在地区 360100, category PRODUCT.FOOD in region 360100"
            })
    void aRiskAlertNamesTheEnterpriseOrCategoryAndItsWindow(String creditCode, String chinese, String english)
            throws Exception {
        Map<String, Object> data = event(Events.riskAlert(UUID.randomUUID(), creditCode, 17));
        String zh = templates.body("risk-alert-supervisor", "zh-CN", data);
        String en = templates.body("risk-alert-supervisor", "en", data);
        assertThat(zh, containsString(chinese));
        assertThat(zh, containsString("于 2026-11-19 00:00 至 2026-11-26 00:00 期间收到投诉举报 17 件，远高于其基线（每个时段 2.5 件）"));
        assertThat(en, containsString(english));
        assertThat(en, containsString("drew 17 complaints and reports between 2026-11-19 00:00 and 2026-11-26 00:00"));
        assertThat(en, containsString("baseline of 2.5 per window"));
        assertThat(en, not(matchesPattern(CJK)));
        for (String body : new String[] {zh, en}) {
            assertThat(body, not(containsString("null")));
            assertThat(body, not(containsString("{")));
        }
    }

    @Test
    void subjectsNameTheTrackingNumber() throws Exception {
        Map<String, Object> data = data("case.resolved.v1", null);
        assertThat(templates.subject("case-resolved-citizen", "zh-CN", data), containsString(TRACKING + " 办理进度通知"));
        assertThat(
                templates.subject("case-resolved-citizen", "en", data), containsString(TRACKING + ": progress update"));
    }

    /** The receipt of a complaint sent to the enterprise first: whom, answer by when, where to follow it. */
    @Test
    void aComplaintSentToTheEnterpriseFirstNamesItAndItsAnswerDate() throws Exception {
        Map<String, Object> data = data("complaint.sent-to-enterprise.v1", null);
        String zh = templates.body("complaint-sent-to-enterprise-citizen", "zh-CN", data);
        String en = templates.body("complaint-sent-to-enterprise-citizen", "en", data);
        String status = PUBLIC_URL + "/status?trackingNumber=" + TRACKING;
        assertThat(zh, containsString("您的投诉已登记，受理编号 " + TRACKING));
        assertThat(zh, containsString("先转 " + Events.ODR_ENTERPRISE_NAME + " 协商处理，企业应于 2026-12-09 前答复，未和解的转市场监管部门办理。"));
        assertThat(zh, containsString("凭受理编号和提交时获得的查询码查询进度：" + status + " 。"));
        assertThat(en, containsString("registered under tracking number " + TRACKING));
        assertThat(en, containsString("sent first to " + Events.ODR_ENTERPRISE_NAME + " to settle with you."));
        assertThat(
                en,
                containsString(
                        "It must answer by 2026-12-09; if it is not settled, the complaint goes to the market regulation department."));
        assertThat(en, containsString(status + " with the query code"));
        assertThat(en.replace(Events.ODR_ENTERPRISE_NAME, ""), not(matchesPattern(CJK)));
        for (String body : new String[] {zh, en}) {
            assertThat(body, not(containsString("confirm-contact")));
            assertThat(body, not(containsString("null")));
        }
    }

    /** Like the receipt, it asks an address not confirmed yet to be confirmed. */
    @Test
    void aComplaintSentToTheEnterpriseCarriesTheConfirmationLinkAsTheReceiptDoes() throws Exception {
        Map<String, Object> data = data("complaint.sent-to-enterprise.v1", null);
        data.put("confirmCode", "MAIL2CDE");
        data.put("confirmMedium", "EMAIL");
        String link = PUBLIC_URL + "/confirm-contact?medium=EMAIL&trackingNumber=" + TRACKING + "&code=MAIL2CDE";
        String zh = templates.body("complaint-sent-to-enterprise-citizen", "zh-CN", data);
        String en = templates.body("complaint-sent-to-enterprise-citizen", "en", data);
        assertThat(zh, containsString("请打开 " + link + " 确认（确认码 MAIL2CDE）"));
        assertThat(en, containsString("confirm at " + link + " (confirmation code MAIL2CDE)"));
    }

    /** The enterprise's e-mail: which complaint, by when, where its console is; no citizen's details, no opt-out. */
    @Test
    void theEnterpriseIsAskedToAnswerInItsConsoleByTheDueDate() throws Exception {
        Map<String, Object> data = data("complaint.sent-to-enterprise.v1", null);
        String console = PUBLIC_URL + "/console/enterprise";
        String zh = templates.body("odr-complaint-enterprise", "zh-CN", data);
        String en = templates.body("odr-complaint-enterprise", "en", data);
        assertThat(zh, startsWith(Events.ODR_ENTERPRISE_NAME + "："));
        assertThat(zh, containsString("（受理编号 " + TRACKING + "，类别 PRODUCT.FOOD）"));
        assertThat(zh, containsString("请于 2026-12-09（北京时间）前登录企业工作台 " + console + " 查看投诉内容"));
        assertThat(en, startsWith("To " + Events.ODR_ENTERPRISE_NAME + ":"));
        assertThat(en, containsString("(tracking number " + TRACKING + ", category PRODUCT.FOOD)"));
        assertThat(en, containsString("in the enterprise console at " + console + ","));
        assertThat(en, containsString("record the outcome by 2026-12-09 (Beijing time)"));
        assertThat(en.replace(Events.ODR_ENTERPRISE_NAME, ""), not(matchesPattern("(?s)" + CJK)));
        for (String body : new String[] {zh, en}) {
            assertThat(body, not(containsString("odr@example.cn")));
            assertThat(body, not(containsString("opt-out")));
            assertThat(body, not(containsString("null")));
        }
        assertEquals(
                "江西质量投诉 " + TRACKING + "：请于 2026-12-09 前处理消费者投诉",
                templates.subject("odr-complaint-enterprise", "zh-CN", data));
        assertEquals(
                "Jiangxi quality complaint " + TRACKING + ": please answer the consumer by 2026-12-09",
                templates.subject("odr-complaint-enterprise", "en", data));
    }

    @Test
    void aReportedSettlementAsksTheCitizenToConfirmOrDisputeByItsDate() throws Exception {
        Map<String, Object> data = data("complaint.enterprise-responded.v1", null);
        String status = PUBLIC_URL + "/status?trackingNumber=" + TRACKING;
        assertThat(
                templates.body("odr-settled-citizen", "zh-CN", data),
                containsString("被投诉企业报告您的投诉 " + TRACKING + " 已协商和解。请于 2026-12-23 前凭查询码在 " + status
                        + " 确认或提出异议；逾期未答复的，视为和解成立。"));
        String en = templates.body("odr-settled-citizen", "en", data);
        assertThat(en, containsString("The enterprise reports that your complaint " + TRACKING + " has been settled."));
        assertThat(
                en,
                containsString("confirm or dispute the settlement at " + status
                        + " with your query code by 2026-12-23; if you do not answer in time, the settlement stands."));
        assertThat(en, not(matchesPattern(CJK)));
    }

    @ParameterizedTest(name = "by the citizen {0}")
    @CsvSource({
        "true, 您已确认企业报告的和解，投诉 JX20261125000042 已办结, "
                + "You confirmed the settlement the enterprise reported, so your complaint JX20261125000042 is closed.",
        "false, 您未在答复期限内对企业报告的和解提出异议，和解成立，投诉 JX20261125000042 已办结, "
                + "You did not dispute the settlement the enterprise reported by the date given, so it stands and your"
                + " complaint JX20261125000042 is closed."
    })
    void aSettlementThatStandsSaysWhy(boolean byCitizen, String chinese, String english) throws Exception {
        Map<String, Object> data = event(Events.settlementAnswered(UUID.randomUUID(), TRACKING, true, byCitizen));
        String zh = templates.body("odr-closed-citizen", "zh-CN", data);
        String en = templates.body("odr-closed-citizen", "en", data);
        assertThat(zh, containsString(chinese));
        assertThat(en, containsString(english));
        assertThat(en, not(matchesPattern(CJK)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NOT_SETTLED, 企业未能与您和解，, because the enterprise could not settle it with you.",
        "LAPSED, 企业未在 10 个工作日内答复，, because the enterprise did not answer within 10 working days.",
        "DISPUTED, 您对企业报告的和解提出了异议，, because you disputed the settlement the enterprise reported."
    })
    void anEscalatedComplaintSaysWhyItGoesToTheDepartment(String ending, String chinese, String english)
            throws Exception {
        Map<String, Object> data = event(Events.complaintEscalated(UUID.randomUUID(), TRACKING, ending));
        String zh = templates.body("complaint-escalated-citizen", "zh-CN", data);
        String en = templates.body("complaint-escalated-citizen", "en", data);
        assertThat(
                zh,
                containsString(chinese + "您的投诉 " + TRACKING + " 已转市场监管部门办理，办理时限自即日起计算。进度：" + PUBLIC_URL
                        + "/status?trackingNumber=" + TRACKING + " 。"));
        assertThat(en, containsString("Your complaint " + TRACKING + " now goes to the market regulation department"));
        assertThat(en, containsString(english + " The department's time limits start now."));
        assertThat(en, not(matchesPattern(CJK)));
    }

    @Test
    void movedDeadlinesAreListedWithTheirOldAndNewDates() throws Exception {
        Map<String, Object> data = event(Events.deadlinesMoved(3, 3));
        String zh = templates.body("deadlines-moved-supervisor", "zh-CN", data);
        String en = templates.body("deadlines-moved-supervisor", "en", data);
        assertThat(zh, startsWith("2027 年工作日历已于 2026-12-01 09:30 更新，3 个案件期限随之调整："));
        assertThat(zh, containsString("\nJX20270201000000（360100-AMR）受理期限：2027-02-10 23:59 → 2027-02-12 23:59\n"));
        assertThat(zh, containsString("\nJX20270201000001 核查期限：2027-02-10 23:59 → 2027-02-12 23:59\n"));
        assertThat(zh, containsString("\nJX20270201000002（360100-AMR）督办期限：2027-02-10 23:59 → 2027-02-12 23:59\n"));
        assertThat(zh, not(containsString("另有")));
        assertThat(
                en,
                startsWith("The working-day calendar of 2027 was updated at 2026-12-01 09:30 Beijing time and moved 3"
                        + " case deadlines:"));
        assertThat(
                en,
                containsString(
                        "\nJX20270201000000 (360100-AMR) acceptance deadline: 2027-02-10 23:59 → 2027-02-12 23:59\n"));
        assertThat(
                en, containsString("\nJX20270201000001 verification deadline: 2027-02-10 23:59 → 2027-02-12 23:59\n"));
        assertThat(
                en,
                containsString(
                        "\nJX20270201000002 (360100-AMR) escalation deadline: 2027-02-10 23:59 → 2027-02-12 23:59\n"));
        assertThat(en, not(containsString("more are not listed")));
        for (String body : new String[] {zh, en}) {
            assertThat(body, not(containsString("null")));
            assertThat(body, not(containsString("{")));
        }
    }

    /** A long list is cut at 50 cases; the rest, the event's own shortfall included, are counted. */
    @Test
    void aLongListOfMovedDeadlinesIsCutAndTheRestCounted() throws Exception {
        Map<String, Object> data = event(Events.deadlinesMoved(60, 80));
        String zh = templates.body("deadlines-moved-supervisor", "zh-CN", data);
        String en = templates.body("deadlines-moved-supervisor", "en", data);
        assertThat(zh, containsString("80 个案件期限随之调整"));
        assertThat(zh, containsString("JX20270201000049"));
        assertThat(zh, not(containsString("JX20270201000050")));
        assertThat(zh, containsString("另有 30 个未列出"));
        assertThat(en, containsString("moved 80 case deadlines"));
        assertThat(en, containsString("\n30 more are not listed here; see the case list.\n"));
        assertEquals(50, zh.lines().filter(line -> line.startsWith("JX")).count());
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
            case "case.escalation-overdue.v1" -> Events.escalationOverdue(id, TRACKING, nc);
            case "case.closed.v1" -> Events.caseTransitioned(id, TRACKING, nc, null, "CLOSED", "MEDIATED", null);
            case "reward.notified.v1" -> Events.reward(id, TRACKING, "NOTIFIED");
            case "reward.rejected.v1" -> Events.reward(id, TRACKING, "REJECTED");
            case "reward.paid.v1" -> Events.reward(id, TRACKING, "PAID");
            case "reward.expired.v1" -> Events.reward(id, TRACKING, "EXPIRED");
            case "complaint.sent-to-enterprise.v1" -> Events.sentToEnterprise(id, TRACKING, "odr@example.cn");
            case "complaint.enterprise-responded.v1" -> Events.enterpriseResponded(id, TRACKING, true);
            case "complaint.settlement-answered.v1" -> Events.settlementAnswered(id, TRACKING, true, true);
            case "complaint.received.v1 after ODR" -> Events.complaintEscalated(id, TRACKING, "DISPUTED");
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
        data.put("optOutUrl", PUBLIC_URL + "/opt-out");
        data.put("publicUrl", PUBLIC_URL);
        data.put("confirmCode", null);
        data.put("confirmUrl", PUBLIC_URL + "/confirm-contact");
        data.put("confirmMedium", "SMS");
        return data;
    }
}
