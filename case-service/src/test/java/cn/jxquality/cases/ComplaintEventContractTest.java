package cn.jxquality.cases;

import cn.jxquality.platform.contract.PublishedSchemas;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The complaint events these tests feed case-service are complaint-service's (the ODR steps and the odr block of a
 * received complaint included): each fixture of {@link ComplaintEvents}
 * satisfies the schema complaint-service publishes ({@code complaint-service/src/main/resources/events/<type>.json}),
 * so a change on the producer's side breaks this build rather than production (DESIGN §7). A schema that is missing
 * fails: a contract nobody can read is no contract.
 */
class ComplaintEventContractTest {

    static final Path PUBLISHED = Path.of("../complaint-service/src/main/resources/events");

    static Stream<Arguments> fixtures() {
        UUID id = UUID.randomUUID();
        String number = ComplaintEvents.trackingNumber();
        String code = ComplaintEvents.creditCode();
        Instant sent = Instant.parse("2026-11-02T02:00:00Z");
        Instant due = Instant.parse("2026-11-16T15:59:59Z");
        Instant answered = Instant.parse("2026-11-10T01:00:00Z");
        return Stream.of(
                Arguments.of(ComplaintEvents.received("t", "e1", id, number, "PRODUCT.FOOD", "360102")),
                Arguments.of(ComplaintEvents.received("t", "e2", id, number, "REPORT", "PRODUCT.FOOD", "360702")),
                Arguments.of(ComplaintEvents.feedbackGiven("t", "e3", id, number, 5)),
                Arguments.of(ComplaintEvents.feedbackGiven("t", "e4", id, number, 1)),
                Arguments.of(ComplaintEvents.sentToEnterprise("t", "e5", id, number, code, "某某电器", sent, due)),
                Arguments.of(ComplaintEvents.enterpriseResponded("t", "e6", id, number, code, true, answered, due)),
                Arguments.of(ComplaintEvents.enterpriseResponded("t", "e7", id, number, code, false, due, sent)),
                Arguments.of(ComplaintEvents.settlementAnswered("t", "e8", id, number, code, true, false, due)),
                Arguments.of(ComplaintEvents.settlementAnswered("t", "e9", id, number, code, false, true, due)),
                Arguments.of(receivedAfterOdr("e10", id, number, code, answered, "NOT_SETTLED")),
                Arguments.of(receivedAfterOdr("e11", id, number, code, null, "LAPSED")),
                Arguments.of(receivedAfterOdr("e12", id, number, code, answered, "DISPUTED")),
                Arguments.of(ComplaintEvents.receivedAfterOdr("t", "e13", id, number, "360102", sent, code, "null")));
    }

    private static ProducerRecord<String, String> receivedAfterOdr(
            String eventId, UUID id, String number, String code, Instant respondedAt, String ending) {
        Instant sent = Instant.parse("2026-11-02T02:00:00Z");
        Instant due = Instant.parse("2026-11-16T15:59:59Z");
        String odr = ComplaintEvents.odr(code, "某某电器", sent, due, respondedAt, due.plusSeconds(1), ending);
        return ComplaintEvents.receivedAfterOdr("t", eventId, id, number, "360102", sent, code, odr);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theFixtureIsWhatComplaintServicePublishes(ProducerRecord<String, String> event) throws IOException {
        String type = new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
        PublishedSchemas.assertAccepts(PUBLISHED.resolve(type + ".json"), new ObjectMapper().readTree(event.value()));
    }
}
