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
import org.junit.jupiter.api.Test;

/**
 * The events these tests feed the service are the producers' events: each fixture of {@link Events} satisfies
 * the JSON Schema its producer keeps in {@code <producer>/src/main/resources/events/} (DESIGN §7).
 */
class EventContractTest {

    static final Path COMPLAINT_EVENTS = Path.of("../complaint-service/src/main/resources/events");
    static final Path CASE_EVENTS = Path.of("../case-service/src/main/resources/events");

    final ObjectMapper json = new ObjectMapper();
    final UUID complaintId = UUID.randomUUID();
    final String trackingNumber = Events.trackingNumber();

    @Test
    void complaintReceivedIsWhatComplaintServicePublishes() throws IOException {
        assertValid(
                COMPLAINT_EVENTS.resolve("complaint.received.v1.json"),
                Events.complaintReceived(complaintId, trackingNumber, false));
        assertValid(
                COMPLAINT_EVENTS.resolve("complaint.received.v1.json"),
                Events.complaintReceived(complaintId, trackingNumber, true));
    }

    @Test
    void caseAssignedIsWhatCaseServicePublishes() throws IOException {
        assertValid(
                CASE_EVENTS.resolve("case.assigned.v1.json"),
                Events.caseEvent(complaintId, trackingNumber, "360100-AMR", "ASSIGNED"));
    }

    private void assertValid(Path schemaFile, String data) throws IOException {
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
        JsonNode event = json.readTree(data);
        assertEquals(Set.of(), schema.validate(event), schemaFile.getFileName() + " rejects " + data);
    }
}
