package cn.jxquality.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rendered object is valid against its schema, and the schemas catch a misspelt field or a wrong type. */
class SchemasTest {

    private static final Rendered PRODUCTION = Rendered.overlay("production");

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void everyRenderedObjectIsValidAgainstItsSchema(String overlay) {
        List<String> problems = Rendered.overlay(overlay).objects().stream()
                .flatMap(object -> Schemas.problems(object).stream().map(p -> Rendered.describe(object) + ": " + p))
                .toList();
        assertEquals(List.of(), problems);
    }

    @Test
    void aMisspeltProbeFails() {
        JsonNode deployment = doctored(
                "Deployment",
                "complaint-service",
                d -> container(d).set("readinesProbe", container(d).get("readinessProbe")));
        assertTrue(
                Schemas.problems(deployment).toString().contains("readinesProbe"),
                Schemas.problems(deployment).toString());
    }

    @Test
    void aNumberWrittenAsTextFails() {
        assertFalse(Schemas.problems(doctored("Deployment", "case-service", d -> spec(d).put("replicas", "3")))
                .isEmpty());
        assertFalse(Schemas.problems(doctored("Service", "case-service", d -> spec(d).put("ports", "8082")))
                .isEmpty());
    }

    @Test
    void aMisspeltOrWronglyTypedKafkaFieldFails() {
        assertFalse(
                Schemas.problems(doctored("KafkaTopic", "case-events", t -> spec(t).put("partiton", 12)))
                        .isEmpty(),
                "topic");
        assertFalse(
                Schemas.problems(doctored("KafkaNodePool", "dual-role", p -> spec(p).put("replicas", "three")))
                        .isEmpty(),
                "pool");
        JsonNode user = doctored(
                "KafkaUser",
                "case-service",
                u -> ((ObjectNode) spec(u).path("authorization").path("acls").get(0))
                        .putArray("operations")
                        .add("Wrtie"));
        assertFalse(Schemas.problems(user).isEmpty(), "acl");
    }

    @Test
    void aMisspeltOrWronglyTypedPostgresFieldFails() {
        assertFalse(Schemas.problems(doctored("Cluster", "quality-pg", c -> spec(c).put("instance", 3)))
                .isEmpty());
        assertFalse(Schemas.problems(doctored("Cluster", "quality-pg", c -> spec(c).put("instances", "3")))
                .isEmpty());
        JsonNode pooler = doctored(
                "Pooler",
                "quality-pg-pooler-rw",
                p -> ((ObjectNode) spec(p).path("pgbouncer")).put("poolmode", "session"));
        assertFalse(Schemas.problems(pooler).isEmpty());
    }

    @Test
    void aMisspeltKeycloakOrRealmFieldFails() {
        assertFalse(Schemas.problems(doctored(
                        "Keycloak", "keycloak", k -> ((ObjectNode) spec(k).path("hostname")).put("hostName", "x")))
                .isEmpty());
        JsonNode realmImport = doctored(
                "KeycloakRealmImport",
                RealmImportFiles.NAME,
                r -> ((ObjectNode) spec(r).path("realm")).put("acessTokenLifespan", 300));
        assertFalse(Schemas.problems(realmImport).isEmpty());
    }

    @Test
    void aKindWithoutASchemaFails() {
        JsonNode unknown = Rendered.parse("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n")
                .get(0);
        assertEquals(
                List.of("no schema for example.com/v1/Widget: add its model or CRD to Schemas"),
                Schemas.problems(unknown));
    }

    static JsonNode doctored(String kind, String name, Consumer<JsonNode> change) {
        JsonNode copy = PRODUCTION.named(kind, name).deepCopy();
        assertEquals(List.of(), Schemas.problems(copy), "the object is valid before it is doctored");
        change.accept(copy);
        return copy;
    }

    static ObjectNode spec(JsonNode object) {
        return (ObjectNode) object.path("spec");
    }

    static ObjectNode container(JsonNode deployment) {
        return (ObjectNode) deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }
}
