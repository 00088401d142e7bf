package cn.jxquality.complaint;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** Events as case-service publishes them (CloudEvents, binary mode, key = complaint id), for the consumers' tests. */
public final class CaseServiceEvents {

    private CaseServiceEvents() {}

    /** A record with the CloudEvents headers case-service sets; more with {@link #header}. */
    public static ProducerRecord<String, String> record(String topic, String key, String id, String type, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", "urn:jxquality:case-service");
        header(record, "content-type", "application/json");
        return record;
    }

    public static ProducerRecord<String, String> header(
            ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The last value of a header, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @SafeVarargs
    public static void publish(String bootstrap, ProducerRecord<String, String>... records) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(records).awaitCompletion();
        }
    }
}
