package cn.jxquality.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** How many of everything each overlay runs: production survives a lost node, local runs one of each. */
final class Replication {

    private Replication() {}

    static List<String> production(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        int brokers = rendered.kind("KafkaNodePool").stream()
                .filter(pool -> pool.path("spec").path("roles").toString().contains("\"broker\""))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt())
                .sum();
        if (brokers < 3) {
            problems.add("production runs " + brokers + " Kafka brokers; at least 3");
        }
        for (JsonNode cluster : rendered.kind("Cluster")) {
            if (cluster.path("spec").path("instances").asInt() < 3) {
                problems.add(Rendered.describe(cluster) + ": fewer than 3 PostgreSQL instances");
            }
        }
        for (JsonNode topic : rendered.kind("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            if (spec.path("replicas").asInt() != 3
                    || spec.path("config").path("min.insync.replicas").asInt() != 2) {
                problems.add(Rendered.describe(topic) + ": not replicas 3 with min.insync.replicas 2");
            }
        }
        for (JsonNode realmImport : rendered.kind("KeycloakRealmImport")) {
            problems.addAll(productionRealm(realmImport.path("spec").path("realm")));
        }
        return problems;
    }

    /** A production realm: no people, only the services' own accounts, and no demo client. */
    static List<String> productionRealm(JsonNode realm) {
        List<String> problems = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String username = user.path("username").asText();
            if (!username.startsWith("service-account-")) {
                problems.add("the production realm has the user " + username);
            }
        }
        for (JsonNode client : realm.path("clients")) {
            if ("suite-cli".equals(client.path("clientId").asText())) {
                problems.add("the production realm has the demo client suite-cli");
            }
        }
        return problems;
    }

    static List<String> singleNode(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        expectOne(problems, rendered.kind("Deployment"), "replicas");
        expectOne(problems, rendered.kind("HorizontalPodAutoscaler"), "maxReplicas");
        expectOne(problems, rendered.kind("KafkaNodePool"), "replicas");
        expectOne(problems, rendered.kind("KafkaTopic"), "replicas");
        expectOne(problems, rendered.kind("Cluster"), "instances");
        expectOne(problems, rendered.kind("Pooler"), "instances");
        expectOne(problems, rendered.kind("Keycloak"), "instances");
        return problems;
    }

    private static void expectOne(List<String> problems, List<JsonNode> objects, String field) {
        for (JsonNode object : objects) {
            int count = object.path("spec").path(field).asInt(1);
            if (count != 1) {
                problems.add(Rendered.describe(object) + ": " + field + " " + count + ", not 1");
            }
        }
    }
}
