package cn.jxquality.notify.routing;

import static cn.jxquality.notify.notification.NotificationChannel.EMAIL;
import static cn.jxquality.notify.notification.NotificationChannel.IN_APP;
import static cn.jxquality.notify.notification.NotificationChannel.SMS;
import static cn.jxquality.notify.notification.NotificationChannel.WEBHOOK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jxquality.notify.notification.Addressee;
import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.support.Events;
import cn.jxquality.platform.messaging.InboundEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudienceTest {

    static final String COMPLAINT = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final String CITIZEN = "citizen:" + COMPLAINT;
    static final String TRACKING = "JX20261125000001";

    final Audience audience = new Audience(Set.of("360700-AMR"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "complaint.received.v1 | CITIZEN:citizen:SMS:complaint-received-citizen CITIZEN:citizen:EMAIL:complaint-received-citizen",
                "case.accepted.v1 | CITIZEN:citizen:SMS:case-accepted-citizen CITIZEN:citizen:EMAIL:case-accepted-citizen",
                "case.refused.v1 | CITIZEN:citizen:SMS:case-refused-citizen CITIZEN:citizen:EMAIL:case-refused-citizen",
                "case.resolved.v1 | CITIZEN:citizen:SMS:case-resolved-citizen CITIZEN:citizen:EMAIL:case-resolved-citizen",
                "case.assigned.v1 | DEPARTMENT:360100-AMR:IN_APP:case-assigned-department",
                "case.deadline-near.v1 | DEPARTMENT:360100-AMR:IN_APP:case-deadline-near-department",
                "case.transferred.v1 | CITIZEN:citizen:SMS:case-transferred-citizen CITIZEN:citizen:EMAIL:case-transferred-citizen DEPARTMENT:360100-AMR:IN_APP:case-transferred-department",
                "case.overdue.v1 | SUPERVISOR:supervisor:IN_APP:case-overdue-supervisor",
                "case.triage-needed.v1 | SUPERVISOR:supervisor:IN_APP:case-triage-supervisor",
                "case.closed.v1 | CITIZEN:citizen:SMS:follow-up-survey-citizen CITIZEN:citizen:EMAIL:follow-up-survey-citizen",
                "case.escalation-overdue.v1 | SUPERVISOR:supervisor:IN_APP:case-escalation-overdue-supervisor",
                "case.note-added.v1 | ",
                "case.mediation-started.v1 | ",
                "case.investigation-started.v1 | ",
                "reward.notified.v1 | CITIZEN:citizen:SMS:reward-notified-citizen CITIZEN:citizen:EMAIL:reward-notified-citizen",
                "reward.rejected.v1 | CITIZEN:citizen:SMS:reward-rejected-citizen CITIZEN:citizen:EMAIL:reward-rejected-citizen",
                "reward.paid.v1 | CITIZEN:citizen:SMS:reward-paid-citizen CITIZEN:citizen:EMAIL:reward-paid-citizen",
                "reward.expired.v1 | CITIZEN:citizen:SMS:reward-expired-citizen CITIZEN:citizen:EMAIL:reward-expired-citizen",
                "reward.proposed.v1 | ",
                "reward.approved.v1 | ",
                "reward.claimed.v1 | "
            })
    void whoHearsWhat(String type, String expected) {
        List<String> heard = audience.of(event(type, "360100-AMR")).stream()
                .map(a -> a.kind() + ":" + a.recipient().replace(CITIZEN, "citizen") + ":" + a.channel() + ":"
                        + a.template())
                .toList();
        assertEquals(expected == null ? List.of() : List.of(expected.split(" ")), heard);
    }

    @Test
    void aCaseClosedAfterARefusalHasNoOutcomeAndNoSurvey() {
        InboundEvent closed = event("case.closed.v1", "360100-AMR");
        ((ObjectNode) closed.data()).putNull("outcome");
        assertEquals(List.of(), audience.of(closed));
    }

    @Test
    void aRiskAlertAboutNoComplaintGoesToTheSupervisors() {
        ObjectNode data = new ObjectMapper()
                .createObjectNode()
                .put("alertId", "5f0c2b8e-8d3a-4c55-9c51-3e6f7a1b2c3d")
                .put("scope", "ENTERPRISE")
                .put("creditCode", "91360100MA35GR7T1E")
                .put("cityCode", "360100");
        InboundEvent alert = new InboundEvent("e2", "case.risk-alert.v1", data);
        List<String> heard = audience.of(alert).stream()
                .map(a -> a.kind() + ":" + a.recipient() + ":" + a.channel() + ":" + a.template())
                .toList();
        assertEquals(List.of("SUPERVISOR:supervisor:IN_APP:risk-alert-supervisor"), heard);
        assertEquals(null, EventSubjects.complaintId(alert));
        assertEquals(null, EventSubjects.trackingNumber(alert));
    }

    @Test
    void anyOtherEventWithoutComplaintIdIsMalformed() {
        ObjectNode data = new ObjectMapper().createObjectNode().put("trackingNumber", "JX20261125000001");
        assertThrows(
                IllegalArgumentException.class,
                () -> EventSubjects.complaintId(new InboundEvent("e3", "case.overdue.v1", data)));
    }

    @Test
    void aDepartmentWithAWebhookAlsoHearsThroughIt() {
        List<NotificationChannel> channels = audience.of(event("case.assigned.v1", "360700-AMR")).stream()
                .map(Addressee::channel)
                .toList();
        assertEquals(List.of(IN_APP, WEBHOOK), channels);
    }

    @Test
    void aDeadlineNearingInTriageWarnsTheSupervisors() {
        List<String> heard = audience.of(event("case.deadline-near.v1", null)).stream()
                .map(a -> a.kind() + ":" + a.recipient() + ":" + a.channel() + ":" + a.template())
                .toList();
        assertEquals(List.of("SUPERVISOR:supervisor:IN_APP:case-deadline-near-supervisor"), heard);
    }

    @Test
    void aCaseWithoutDepartmentTellsNoDepartment() {
        List<NotificationChannel> channels = audience.of(event("case.transferred.v1", null)).stream()
                .map(Addressee::channel)
                .toList();
        assertEquals(List.of(SMS, EMAIL), channels);
    }

    @Test
    void aCitizenEventWithoutComplaintIdIsRejected() {
        ObjectNode data = new ObjectMapper().createObjectNode().put("trackingNumber", "JX20261125000001");
        assertThrows(
                IllegalArgumentException.class, () -> audience.of(new InboundEvent("e1", "case.accepted.v1", data)));
    }

    @Test
    void aComplaintSentToAnOdrEnterpriseTellsTheCitizenAndTheEnterprise() throws Exception {
        InboundEvent sent = published(
                "complaint.sent-to-enterprise.v1",
                Events.sentToEnterprise(UUID.fromString(COMPLAINT), TRACKING, "odr@example.cn"));
        assertEquals(
                List.of(
                        "CITIZEN:citizen:SMS:complaint-sent-to-enterprise-citizen",
                        "CITIZEN:citizen:EMAIL:complaint-sent-to-enterprise-citizen",
                        "ENTERPRISE:" + Events.ODR_ENTERPRISE + ":IN_APP:odr-complaint-enterprise",
                        "ENTERPRISE:" + Events.ODR_ENTERPRISE + ":EMAIL:odr-complaint-enterprise"),
                heard(sent));
    }

    @Test
    void anEnterpriseWithoutAnEmailAddressHearsInItsInboxOnly() throws Exception {
        InboundEvent sent = published(
                "complaint.sent-to-enterprise.v1", Events.sentToEnterprise(UUID.fromString(COMPLAINT), TRACKING, null));
        assertEquals(
                List.of(
                        "CITIZEN:citizen:SMS:complaint-sent-to-enterprise-citizen",
                        "CITIZEN:citizen:EMAIL:complaint-sent-to-enterprise-citizen",
                        "ENTERPRISE:" + Events.ODR_ENTERPRISE + ":IN_APP:odr-complaint-enterprise"),
                heard(sent));
    }

    @Test
    void aSentComplaintWithoutTheEnterprisesCreditCodeIsMalformed() {
        ObjectNode data = new ObjectMapper()
                .createObjectNode()
                .put("complaintId", COMPLAINT)
                .put("trackingNumber", TRACKING);
        data.putObject("enterprise").put("name", "南昌某食品有限公司");
        assertThrows(
                IllegalArgumentException.class,
                () -> audience.of(new InboundEvent("e4", "complaint.sent-to-enterprise.v1", data)));
    }

    /** A settlement the enterprise reports asks the citizen to confirm it; "not settled" is told by the received event. */
    @ParameterizedTest(name = "settled {0}")
    @CsvSource({"true, odr-settled-citizen", "false, "})
    void theCitizenHearsOfASettlementOnly(boolean settled, String template) throws Exception {
        InboundEvent responded = published(
                "complaint.enterprise-responded.v1",
                Events.enterpriseResponded(UUID.fromString(COMPLAINT), TRACKING, settled));
        assertEquals(citizenHears(template), heard(responded));
    }

    /** A settlement that stands (confirmed, or not disputed in time) closes the complaint; a dispute goes on. */
    @ParameterizedTest(name = "accepted {0}, by the citizen {1}")
    @CsvSource({"true, true, odr-closed-citizen", "true, false, odr-closed-citizen", "false, true, "})
    void theCitizenHearsOfASettlementThatStands(boolean accepted, boolean byCitizen, String template) throws Exception {
        InboundEvent answered = published(
                "complaint.settlement-answered.v1",
                Events.settlementAnswered(UUID.fromString(COMPLAINT), TRACKING, accepted, byCitizen));
        assertEquals(citizenHears(template), heard(answered));
    }

    @Test
    void anAnswerWithoutItsOutcomeIsMalformed() {
        ObjectNode data = new ObjectMapper()
                .createObjectNode()
                .put("complaintId", COMPLAINT)
                .put("trackingNumber", TRACKING);
        assertThrows(
                IllegalArgumentException.class,
                () -> audience.of(new InboundEvent("e5", "complaint.enterprise-responded.v1", data)));
        data.put("accepted", "yes");
        assertThrows(
                IllegalArgumentException.class,
                () -> audience.of(new InboundEvent("e6", "complaint.settlement-answered.v1", data)));
    }

    /** A complaint received after the enterprise did not settle it tells why it goes on; a plain one is the receipt. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NOT_SETTLED, complaint-escalated-citizen",
        "LAPSED, complaint-escalated-citizen",
        "DISPUTED, complaint-escalated-citizen",
        "-, complaint-received-citizen",
        "null, complaint-received-citizen"
    })
    void aComplaintReceivedAfterOdrIsAnEscalation(String ending, String template) throws Exception {
        UUID id = UUID.fromString(COMPLAINT);
        String data = switch (ending) {
            case "-" -> Events.complaintReceived(id, TRACKING, false); // no odr block at all
            case "null" ->
                ((ObjectNode) new ObjectMapper().readTree(Events.complaintReceived(id, TRACKING, false)))
                        .putNull("odr")
                        .toString();
            default -> Events.complaintEscalated(id, TRACKING, ending);
        };
        assertEquals(citizenHears(template), heard(published("complaint.received.v1", data)));
    }

    @Test
    void movedDeadlinesGoToTheSupervisorsAndConcernNoSingleComplaint() throws Exception {
        InboundEvent moved = published("case.deadlines-moved.v1", Events.deadlinesMoved(3, 3));
        assertEquals(List.of("SUPERVISOR:supervisor:IN_APP:deadlines-moved-supervisor"), heard(moved));
        assertEquals(null, EventSubjects.complaintId(moved));
        assertEquals(null, EventSubjects.trackingNumber(moved));
    }

    private List<String> heard(InboundEvent event) {
        return audience.of(event).stream()
                .map(a -> a.kind() + ":" + a.recipient().replace(CITIZEN, "citizen") + ":" + a.channel() + ":"
                        + a.template())
                .toList();
    }

    private static List<String> citizenHears(String template) {
        return template == null
                ? List.of()
                : List.of("CITIZEN:citizen:SMS:" + template, "CITIZEN:citizen:EMAIL:" + template);
    }

    private static InboundEvent published(String type, String data) throws Exception {
        return new InboundEvent(UUID.randomUUID().toString(), type, new ObjectMapper().readTree(data));
    }

    private static InboundEvent event(String type, String departmentCode) {
        ObjectNode data = new ObjectMapper()
                .createObjectNode()
                .put("complaintId", COMPLAINT)
                .put("trackingNumber", "JX20261125000001")
                .put("departmentCode", departmentCode)
                .put("state", "ACCEPTED")
                .put("outcome", "MEDIATED");
        return new InboundEvent("e1", type, data);
    }
}
