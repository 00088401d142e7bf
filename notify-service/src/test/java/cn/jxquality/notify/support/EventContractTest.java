package cn.jxquality.notify.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.platform.contract.PublishedSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The events these tests feed the service are the producers' events: each fixture of {@link Events} satisfies
 * this service's copy of the producer's JSON Schema ({@code src/test/resources/events/<type>.json}) and the
 * producer's own ({@code <producer>/src/main/resources/events/<type>.json}), which must exist, so a change on the
 * producer's side breaks this build rather than production (DESIGN §7).
 */
class EventContractTest {

    static final Path COMPLAINT_EVENTS = Path.of("../complaint-service/src/main/resources/events");
    static final Path CASE_EVENTS = Path.of("../case-service/src/main/resources/events");
    static final Path REWARD_EVENTS = CASE_EVENTS;
    static final Path COPIES = Path.of("src/test/resources/events");
    static final String NC = "360100-AMR";
    static final String GZ = "360700-AMR";

    static Stream<Arguments> fixtures() {
        UUID id = UUID.randomUUID();
        String number = Events.trackingNumber();
        return Stream.of(
                Arguments.of(COMPLAINT_EVENTS, "complaint.received.v1", Events.complaintReceived(id, number, false)),
                Arguments.of(COMPLAINT_EVENTS, "complaint.received.v1", Events.complaintReceived(id, number, true)),
                Arguments.of(
                        COMPLAINT_EVENTS,
                        "complaint.received.v1",
                        Events.complaintEscalated(id, number, "NOT_SETTLED")),
                Arguments.of(
                        COMPLAINT_EVENTS, "complaint.received.v1", Events.complaintEscalated(id, number, "LAPSED")),
                Arguments.of(
                        COMPLAINT_EVENTS, "complaint.received.v1", Events.complaintEscalated(id, number, "DISPUTED")),
                Arguments.of(
                        COMPLAINT_EVENTS,
                        "complaint.sent-to-enterprise.v1",
                        Events.sentToEnterprise(id, number, "odr@example.cn")),
                Arguments.of(
                        COMPLAINT_EVENTS, "complaint.sent-to-enterprise.v1", Events.sentToEnterprise(id, number, null)),
                Arguments.of(
                        COMPLAINT_EVENTS,
                        "complaint.enterprise-responded.v1",
                        Events.enterpriseResponded(id, number, true)),
                Arguments.of(
                        COMPLAINT_EVENTS,
                        "complaint.enterprise-responded.v1",
                        Events.enterpriseResponded(id, number, false)),
                Arguments.of(
                        COMPLAINT_EVENTS,
                        "complaint.settlement-answered.v1",
                        Events.settlementAnswered(id, number, true, true)),
                Arguments.of(
                        COMPLAINT_EVENTS,
                        "complaint.settlement-answered.v1",
                        Events.settlementAnswered(id, number, true, false)),
                Arguments.of(
                        COMPLAINT_EVENTS,
                        "complaint.settlement-answered.v1",
                        Events.settlementAnswered(id, number, false, true)),
                Arguments.of(CASE_EVENTS, "case.assigned.v1", Events.caseEvent(id, number, NC, "ASSIGNED")),
                Arguments.of(CASE_EVENTS, "case.triage-needed.v1", Events.triageNeeded(id, number)),
                Arguments.of(
                        CASE_EVENTS,
                        "case.accepted.v1",
                        Events.caseTransitioned(id, number, NC, null, "ACCEPTED", null, "已受理 Accepted by " + NC)),
                Arguments.of(
                        CASE_EVENTS,
                        "case.refused.v1",
                        Events.caseTransitioned(id, number, NC, null, "NOT_ACCEPTED", null, null)),
                Arguments.of(
                        CASE_EVENTS,
                        "case.transferred.v1",
                        Events.caseTransitioned(id, number, GZ, NC, "ASSIGNED", null, "移送 Transferred")),
                Arguments.of(
                        CASE_EVENTS,
                        "case.transferred.v1",
                        Events.caseTransitioned(id, number, null, NC, "NEW", null, "移送 Transferred")),
                Arguments.of(
                        CASE_EVENTS,
                        "case.resolved.v1",
                        Events.caseTransitioned(id, number, NC, null, "RESOLVED", "MEDIATED", "调解成功 Mediated")),
                Arguments.of(CASE_EVENTS, "case.deadline-near.v1", Events.deadlineAlert(id, number, NC, false)),
                Arguments.of(CASE_EVENTS, "case.deadline-near.v1", Events.deadlineAlert(id, number, null, false)),
                Arguments.of(CASE_EVENTS, "case.overdue.v1", Events.deadlineAlert(id, number, NC, true)),
                Arguments.of(
                        CASE_EVENTS,
                        "case.closed.v1",
                        Events.caseTransitioned(id, number, NC, null, "CLOSED", "MEDIATED", null)),
                Arguments.of(
                        CASE_EVENTS,
                        "case.closed.v1",
                        Events.caseTransitioned(id, number, NC, null, "CLOSED", null, "不予受理 Refused")),
                Arguments.of(CASE_EVENTS, "case.escalation-overdue.v1", Events.escalationOverdue(id, number, NC)),
                Arguments.of(
                        CASE_EVENTS,
                        "case.risk-alert.v1",
                        Events.riskAlert(UUID.randomUUID(), "91360100MA35GR7T1E", 17)),
                Arguments.of(CASE_EVENTS, "case.risk-alert.v1", Events.riskAlert(UUID.randomUUID(), null, 9)),
                Arguments.of(CASE_EVENTS, "case.deadlines-moved.v1", Events.deadlinesMoved(3, 3)),
                Arguments.of(CASE_EVENTS, "case.deadlines-moved.v1", Events.deadlinesMoved(2, 80)),
                Arguments.of(REWARD_EVENTS, "reward.notified.v1", Events.reward(id, number, "NOTIFIED")),
                Arguments.of(REWARD_EVENTS, "reward.rejected.v1", Events.reward(id, number, "REJECTED")),
                Arguments.of(REWARD_EVENTS, "reward.paid.v1", Events.reward(id, number, "PAID")),
                Arguments.of(REWARD_EVENTS, "reward.expired.v1", Events.reward(id, number, "EXPIRED")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fixtures")
    void theFixtureIsWhatItsProducerPublishes(Path producer, String type, String data) throws IOException {
        Path copy = COPIES.resolve(type + ".json");
        assertTrue(Files.exists(copy), "this service's copy of the schema " + copy);
        JsonNode event = new ObjectMapper().readTree(data);
        assertEquals(Set.of(), PublishedSchemas.load(copy).validate(event), type + " (our copy) rejects " + data);
        PublishedSchemas.assertAccepts(producer.resolve(type + ".json"), event);
    }
}
