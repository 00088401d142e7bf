package cn.jxquality.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The topics and the users' ACLs are exactly what the services' configuration produces and consumes. */
class KafkaAccessTest {

    private static final List<String> SERVICES = List.of("complaint-service", "case-service", "notify-service");

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void theTopicsAreTheOnesTheServicesName(String overlay) {
        Set<String> named = new TreeSet<>();
        for (String service : SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            named.addAll(config.producedTopics());
            named.addAll(config.consumedTopics());
            named.addAll(config.deadLetterTopics());
        }
        assertEquals(named, names(Rendered.overlay(overlay).kind("KafkaTopic")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"complaint-service", "case-service", "notify-service"})
    void eachUserMayWriteWhatItsServiceProducesAndReadWhatItConsumes(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Set<String> writes = new TreeSet<>(config.producedTopics());
        writes.addAll(config.deadLetterTopics());
        JsonNode user = Rendered.overlay("production").named("KafkaUser", service);
        assertEquals(writes, resources(user, "topic", "Write"));
        assertEquals(config.consumedTopics(), resources(user, "topic", "Read"));
        assertEquals(config.groups(), resources(user, "group", "Read"));
        Set<String> described = new TreeSet<>(writes);
        described.addAll(config.consumedTopics());
        assertEquals(described, resources(user, "topic", "Describe"));
    }

    private static Set<String> resources(JsonNode user, String type, String operation) {
        Set<String> names = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            if (type.equals(resource.path("type").asText())
                    && acl.path("operations").toString().contains('"' + operation + '"')) {
                names.add(resource.path("name").asText());
            }
        }
        return names;
    }

    private static Set<String> names(List<JsonNode> objects) {
        Set<String> names = new TreeSet<>();
        objects.forEach(object -> names.add(object.path("spec")
                .path("topicName")
                .asText(object.path("metadata").path("name").asText())));
        return names;
    }
}
