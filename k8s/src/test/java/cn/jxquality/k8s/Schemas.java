package cn.jxquality.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.List;
import java.util.Map;

/**
 * Which schema each rendered object is checked against: Kubernetes' own kinds and Strimzi's through their published
 * models (Maven Central), CloudNativePG's and Keycloak's through their CRDs' schemas (src/test/resources/crds). An
 * object of any other apiVersion and kind fails: nothing is applied unchecked.
 */
final class Schemas {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class));

    private static final CrdSchemas CRDS = CrdSchemas.load(List.of(
            "crds/postgresql.cnpg.io_clusters.yaml",
            "crds/postgresql.cnpg.io_poolers.yaml",
            "crds/postgresql.cnpg.io_scheduledbackups.yaml",
            "crds/postgresql.cnpg.io_databases.yaml",
            "crds/keycloaks.k8s.keycloak.org-v1.yml",
            "crds/keycloakrealmimports.k8s.keycloak.org-v1.yml"));

    private Schemas() {}

    /** Everything wrong with {@code object}; empty when its schema accepts it. */
    static List<String> problems(JsonNode object) {
        String key =
                object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        Class<?> model = MODELS.get(key);
        if (model != null) {
            return StrictModel.problems(object, model);
        }
        if (CRDS.knows(key)) {
            return CRDS.problems(key, object);
        }
        return List.of("no schema for " + key + ": add its model or CRD to Schemas");
    }
}
