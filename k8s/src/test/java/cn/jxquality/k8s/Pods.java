package cn.jxquality.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pods an overlay would run, with their labels: the Deployments' templates, and the pods the operators make for
 * the custom resources, labelled as Strimzi, CloudNativePG and the Keycloak operator label them.
 */
record Pods(String description, Map<String, String> labels) {

    static List<Pods> of(Rendered rendered) {
        List<Pods> pods = new ArrayList<>();
        for (JsonNode deployment : rendered.kind("Deployment")) {
            pods.add(new Pods(
                    Rendered.describe(deployment),
                    labels(deployment
                            .path("spec")
                            .path("template")
                            .path("metadata")
                            .path("labels"))));
        }
        for (JsonNode pool : rendered.kind("KafkaNodePool")) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(
                    "strimzi.io/cluster",
                    pool.path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText());
            labels.put("strimzi.io/kind", "Kafka");
            labels.put(
                    "strimzi.io/pool-name", pool.path("metadata").path("name").asText());
            pool.path("spec")
                    .path("roles")
                    .forEach(role -> labels.put("strimzi.io/" + role.asText() + "-role", "true"));
            pods.add(new Pods(Rendered.describe(pool), labels));
        }
        for (JsonNode kafka : rendered.kind("Kafka")) {
            String name = kafka.path("metadata").path("name").asText();
            pods.add(new Pods(
                    "the entity operator of " + name,
                    Map.of(
                            "strimzi.io/cluster",
                            name,
                            "strimzi.io/kind",
                            "Kafka",
                            "strimzi.io/name",
                            name + "-entity-operator")));
        }
        for (JsonNode cluster : rendered.kind("Cluster")) {
            pods.add(new Pods(
                    Rendered.describe(cluster),
                    Map.of(
                            "cnpg.io/cluster",
                            cluster.path("metadata").path("name").asText(),
                            "cnpg.io/podRole",
                            "instance")));
        }
        for (JsonNode pooler : rendered.kind("Pooler")) {
            pods.add(new Pods(
                    Rendered.describe(pooler),
                    Map.of(
                            "cnpg.io/poolerName",
                            pooler.path("metadata").path("name").asText(),
                            "cnpg.io/podRole",
                            "pooler")));
        }
        for (JsonNode keycloak : rendered.kind("Keycloak")) {
            pods.add(new Pods(
                    Rendered.describe(keycloak),
                    Map.of(
                            "app", "keycloak",
                            "app.kubernetes.io/instance",
                                    keycloak.path("metadata").path("name").asText(),
                            "app.kubernetes.io/managed-by", "keycloak-operator")));
        }
        return pods;
    }

    static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new LinkedHashMap<>();
        labels.properties()
                .forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }
}
