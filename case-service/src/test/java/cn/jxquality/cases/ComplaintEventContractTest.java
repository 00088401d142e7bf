package cn.jxquality.cases;

import cn.jxquality.platform.contract.PublishedSchemas;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The complaint events these tests feed case-service are complaint-service's: each fixture of {@link ComplaintEvents}
 * satisfies the schema complaint-service publishes ({@code complaint-service/src/main/resources/events/<type>.json}),
 * so a change on the producer's side breaks this build rather than production (DESIGN §7). A schema that is missing
 * fails: a contract nobody can read is no contract.
 */
class ComplaintEventContractTest {

    static final Path PUBLISHED = Path.of("../complaint-service/src/main/resources/events");

    static Stream<Arguments> fixtures() {
        UUID id = UUID.randomUUID();
        String number = ComplaintEvents.trackingNumber();
        return Stream.of(
                Arguments.of(ComplaintEvents.received("t", "e1", id, number, "PRODUCT.FOOD", "360102")),
                Arguments.of(ComplaintEvents.received("t", "e2", id, number, "REPORT", "PRODUCT.FOOD", "360702")),
                Arguments.of(ComplaintEvents.feedbackGiven("t", "e3", id, number, 5)),
                Arguments.of(ComplaintEvents.feedbackGiven("t", "e4", id, number, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theFixtureIsWhatComplaintServicePublishes(ProducerRecord<String, String> event) throws IOException {
        String type = new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
        PublishedSchemas.assertAccepts(PUBLISHED.resolve(type + ".json"), new ObjectMapper().readTree(event.value()));
    }
}
