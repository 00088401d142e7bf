package cn.jxquality.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flows the NetworkPolicies allow are the ones DESIGN §2 names: a service's port is open to the services that call
 * it (the ones whose configuration holds its URL), and the Ingress routes no internal or management path.
 */
class NetworkFlowsTest {

    private static final Rendered PRODUCTION = Rendered.overlay("production");
    private static final List<String> SERVICES = List.of("complaint-service", "case-service", "notify-service");

    @ParameterizedTest
    @ValueSource(strings = {"complaint-service", "case-service", "notify-service"})
    void aServiceIsReachableFromExactlyTheServicesThatCallIt(String service) {
        assertEquals(callers(service), allowedFrom(service));
    }

    @ParameterizedTest
    @ValueSource(strings = {"complaint-service", "case-service", "notify-service"})
    void aServiceMayReachKafkaPostgresAndKeycloak(String service) {
        Map<String, String> labels = podLabels(service);
        assertTrue(egressAllowed(
                labels, Map.of("strimzi.io/cluster", "quality-kafka", "strimzi.io/broker-role", "true"), 9093));
        assertTrue(egressAllowed(labels, Map.of("cnpg.io/poolerName", "quality-pg-pooler-rw"), 5432));
        assertTrue(egressAllowed(labels, Map.of("app", "keycloak", "app.kubernetes.io/instance", "keycloak"), 8080));
        assertFalse(
                egressAllowed(labels, Map.of("cnpg.io/cluster", "quality-pg", "cnpg.io/podRole", "instance"), 5432));
    }

    @Test
    void theIngressRoutesNoInternalOrManagementPath() {
        for (JsonNode rule :
                PRODUCTION.named("Ingress", "quality-suite").path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                for (String hidden :
                        List.of("/internal/v1/complaints/1/contact", "/q/metrics", "/admin/master/console/")) {
                    assertFalse(routes(path, hidden), rule.path("host").asText() + " routes " + hidden);
                }
            }
        }
        JsonNode catchAll = Rendered.parse("{path: /, pathType: Prefix}").get(0);
        assertTrue(routes(catchAll, "/internal/v1/complaints/1/contact"));
    }

    /** Whether an Ingress path sends a request path to its backend (Kubernetes' Exact and Prefix matching). */
    private static boolean routes(JsonNode path, String request) {
        String value = path.path("path").asText();
        if ("Exact".equals(path.path("pathType").asText())) {
            return request.equals(value);
        }
        return request.equals(value) || request.startsWith(value.endsWith("/") ? value : value + "/");
    }

    @Test
    void theIngressUsesTls() {
        JsonNode spec = PRODUCTION.named("Ingress", "quality-suite").path("spec");
        Set<String> tlsHosts = new TreeSet<>();
        spec.path("tls").forEach(tls -> tls.path("hosts").forEach(host -> tlsHosts.add(host.asText())));
        spec.path("rules")
                .forEach(rule -> assertTrue(tlsHosts.contains(rule.path("host").asText()), rule.toString()));
    }

    /** The services whose configuration names this one's address (http://service:port). */
    private static Set<String> callers(String service) {
        Set<String> callers = new TreeSet<>();
        for (String caller : SERVICES) {
            JsonNode data = configOf(caller);
            data.properties().forEach(entry -> {
                if (entry.getValue().asText().startsWith("http://" + service + ":")) {
                    callers.add(caller);
                }
            });
        }
        return callers;
    }

    /** The services whose pods a policy lets in to this service's port (peers from this namespace only). */
    private static Set<String> allowedFrom(String service) {
        Set<String> allowed = new TreeSet<>();
        int port = port(service);
        for (JsonNode policy : PRODUCTION.kind("NetworkPolicy")) {
            if (Labels.selectsAll(policy.path("spec").path("podSelector"))
                    || !Labels.matches(policy.path("spec").path("podSelector"), podLabels(service))) {
                continue;
            }
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (!opens(rule, port)) {
                    continue;
                }
                for (JsonNode peer : rule.path("from")) {
                    for (String other : SERVICES) {
                        if (peer.has("podSelector")
                                && !peer.has("namespaceSelector")
                                && Labels.matches(peer.path("podSelector"), podLabels(other))) {
                            allowed.add(other);
                        }
                    }
                }
            }
        }
        return allowed;
    }

    private static boolean egressAllowed(Map<String, String> from, Map<String, String> to, int port) {
        for (JsonNode policy : PRODUCTION.kind("NetworkPolicy")) {
            if (!Labels.matches(policy.path("spec").path("podSelector"), from)) {
                continue;
            }
            for (JsonNode rule : policy.path("spec").path("egress")) {
                for (JsonNode peer : rule.path("to")) {
                    if (opens(rule, port) && peer.has("podSelector") && Labels.matches(peer.path("podSelector"), to)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean opens(JsonNode rule, int port) {
        if (rule.path("ports").isEmpty()) {
            return true;
        }
        for (JsonNode p : rule.path("ports")) {
            if (p.path("port").asInt() == port) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> podLabels(String service) {
        return Pods.labels(PRODUCTION
                .named("Deployment", service)
                .path("spec")
                .path("template")
                .path("metadata")
                .path("labels"));
    }

    private static int port(String service) {
        return PRODUCTION
                .named("Service", service)
                .path("spec")
                .path("ports")
                .get(0)
                .path("port")
                .asInt();
    }

    private static JsonNode configOf(String service) {
        JsonNode container = PRODUCTION
                .named("Deployment", service)
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        return PRODUCTION
                .named(
                        "ConfigMap",
                        container
                                .path("envFrom")
                                .get(0)
                                .path("configMapRef")
                                .path("name")
                                .asText())
                .path("data");
    }
}
