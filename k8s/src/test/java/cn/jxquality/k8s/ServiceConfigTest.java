package cn.jxquality.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configuration the manifests give each service is the configuration the service reads: every name maps to a
 * property of its application.properties (or one it references as ${NAME}), so renaming a property fails here.
 */
class ServiceConfigTest {

    /**
     * Set in the manifests, read by something other than a line of application.properties: Quarkus' own graceful
     * shutdown; the Kafka client settings Quarkus' Kafka extension collects from every kafka-prefixed name (_ as .)
     * into the default Kafka configuration of every channel; the JVM options the image's entrypoint passes on.
     */
    static final Set<String> READ_ELSEWHERE = Set.of(
            "QUARKUS_SHUTDOWN_TIMEOUT",
            "KAFKA_SECURITY_PROTOCOL",
            "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_JAAS_CONFIG",
            "KAFKA_SSL_TRUSTSTORE_TYPE",
            "KAFKA_SSL_TRUSTSTORE_LOCATION",
            "JAVA_OPTS");

    @ParameterizedTest
    @ValueSource(strings = {"complaint-service", "case-service", "notify-service"})
    void everyNameTheManifestsSetIsOneTheServiceReads(String service) {
        for (String overlay : List.of("production", "local")) {
            Set<String> set = namesSet(Rendered.overlay(overlay), service);
            assertEquals(
                    Set.of(),
                    unread(set, ServiceConfig.of(service)),
                    overlay + " sets names " + service + " never reads");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"complaint-service", "case-service", "notify-service"})
    void everyNameTheServiceCannotStartWithoutIsSet(String service) {
        Set<String> missing = new TreeSet<>(ServiceConfig.of(service).requiredEnvironmentNames());
        missing.removeAll(namesSet(Rendered.overlay("production"), service));
        assertEquals(Set.of(), missing);
    }

    @Test
    void aRenamedPropertyFails() {
        Set<String> set = Set.of("DB_URL_HOSTNAME", "KAFKA_BOOTSTRAP_SERVERS", "PERSONAL_DATA_ACTIVE_KEY_ID");
        assertEquals(Set.of("DB_URL_HOSTNAME"), unread(set, ServiceConfig.of("complaint-service")));
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertEquals("PERSONAL_DATA_ACTIVE_KEY_ID", ServiceConfig.environmentName("personal-data.active-key-id"));
        assertEquals("QUARKUS_SHUTDOWN_TIMEOUT", ServiceConfig.environmentName("quarkus.shutdown.timeout"));
        assertTrue(ServiceConfig.of("complaint-service").environmentNames().contains("PII_KEY_V1"));
    }

    static Set<String> unread(Set<String> set, ServiceConfig config) {
        Set<String> unread = new TreeSet<>(set);
        unread.removeAll(config.environmentNames());
        unread.removeAll(READ_ELSEWHERE);
        return unread;
    }

    /** The names a service's container gets: its env entries and the keys of the ConfigMaps it imports. */
    static Set<String> namesSet(Rendered rendered, String service) {
        JsonNode container = rendered.named("Deployment", service)
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        Set<String> names = new TreeSet<>();
        container.path("env").forEach(env -> names.add(env.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText();
            assertTrue(source.has("configMapRef"), service + ": envFrom other than a ConfigMap hides its names");
            rendered.named("ConfigMap", configMap).path("data").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
