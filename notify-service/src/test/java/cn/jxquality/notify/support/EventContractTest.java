package cn.jxquality.notify.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
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
 * the JSON Schema its producer keeps in {@code <producer>/src/main/resources/events/<type>.json} (DESIGN §7).
 */
class EventContractTest {

    static final Path COMPLAINT_EVENTS = Path.of("../complaint-service/src/main/resources/events");
    static final Path CASE_EVENTS = Path.of("../case-service/src/main/resources/events");
    static final String NC = "360100-AMR";
    static final String GZ = "360700-AMR";

    static Stream<Arguments> fixtures() {
        UUID id = UUID.randomUUID();
        String number = Events.trackingNumber();
        return Stream.of(
                Arguments.of(COMPLAINT_EVENTS, "complaint.received.v1", Events.complaintReceived(id, number, false)),
                Arguments.of(COMPLAINT_EVENTS, "complaint.received.v1", Events.complaintReceived(id, number, true)),
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
                Arguments.of(CASE_EVENTS, "case.overdue.v1", Events.deadlineAlert(id, number, NC, true)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fixtures")
    void theFixtureIsWhatItsProducerPublishes(Path producer, String type, String data) throws IOException {
        Path schemaFile = producer.resolve(type + ".json");
        assertTrue(Files.exists(schemaFile), "the producer's schema " + schemaFile);
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(
                            in,
                            SchemaValidatorsConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build());
        }
        JsonNode event = new ObjectMapper().readTree(data);
        assertEquals(Set.of(), schema.validate(event), type + " rejects " + data);
    }
}
