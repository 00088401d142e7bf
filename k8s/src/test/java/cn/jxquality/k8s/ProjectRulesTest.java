package cn.jxquality.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The project's rules hold for both overlays, and each rule catches the mistake it is there for. */
class ProjectRulesTest {

    private static final Rendered PRODUCTION = Rendered.overlay("production");
    private static final Rendered LOCAL = Rendered.overlay("local");

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void everyDeploymentHasItsProbesResourcesAndALockedDownSecurityContext(String overlay) {
        List<JsonNode> deployments = Rendered.overlay(overlay).kind("Deployment");
        assertEquals(3, deployments.size());
        assertEquals(
                List.of(),
                deployments.stream()
                        .flatMap(d -> ProjectRules.deployment(d).stream())
                        .toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void everySecretValueIsAReference(String overlay) {
        assertEquals(List.of(), ProjectRules.secrets(Rendered.overlay(overlay).objects()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void everyPodIsCoveredByANetworkPolicyBesideTheDefaultDeny(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertEquals(List.of(), ProjectRules.networkPolicies(rendered.kind("NetworkPolicy"), Pods.of(rendered)));
    }

    @Test
    void productionIsReplicatedAndHasNoDemoUser() {
        assertEquals(List.of(), Replication.production(PRODUCTION));
    }

    @Test
    void localRunsOneOfEverything() {
        assertEquals(List.of(), Replication.singleNode(LOCAL));
    }

    @Test
    void theGracePeriodOutlastsThePreStopPauseAndTheShutdownTimeout() {
        for (JsonNode deployment : PRODUCTION.kind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            int preStop = pod.path("containers")
                    .get(0)
                    .path("lifecycle")
                    .path("preStop")
                    .path("sleep")
                    .path("seconds")
                    .asInt();
            String configMap = pod.path("containers")
                    .get(0)
                    .path("envFrom")
                    .get(0)
                    .path("configMapRef")
                    .path("name")
                    .asText();
            String timeout = PRODUCTION
                    .named("ConfigMap", configMap)
                    .path("data")
                    .path("QUARKUS_SHUTDOWN_TIMEOUT")
                    .asText();
            int shutdown = Integer.parseInt(timeout.replace("s", ""));
            assertTrue(
                    pod.path("terminationGracePeriodSeconds").asInt() >= preStop + shutdown + 10,
                    Rendered.describe(deployment));
        }
    }

    @Test
    void aDeploymentWithoutAProbeALimitOrTheSecurityContextIsRefused() {
        JsonNode deployment =
                PRODUCTION.named("Deployment", "complaint-service").deepCopy();
        ObjectNode container = SchemasTest.container(deployment);
        container.remove("startupProbe");
        ((ObjectNode) container.path("resources").path("limits")).remove("memory");
        ((ObjectNode) container.path("securityContext")).put("readOnlyRootFilesystem", false);
        ((ObjectNode) container.path("securityContext").path("capabilities"))
                .putArray("drop")
                .add("NET_RAW");
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("securityContext"))
                .remove("runAsNonRoot");
        String problems = ProjectRules.deployment(deployment).toString();
        for (String expected :
                List.of("startupProbe", "memory in resources.limits", "read-only", "ALL", "runAsNonRoot")) {
            assertTrue(problems.contains(expected), expected + " in " + problems);
        }
    }

    @Test
    void aSecretValueInTheManifestsIsRefused() {
        JsonNode secret = Rendered.parse("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {k: v}\n")
                .get(0);
        JsonNode deployment = PRODUCTION.named("Deployment", "notify-service").deepCopy();
        SchemasTest.container(deployment)
                .withArray("env")
                .addObject()
                .put("name", "WEBHOOK_KEY")
                .put("value", "abc");
        JsonNode configMap = Rendered.parse(
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {SMTP_PASSWORD: x}\n")
                .get(0);
        assertEquals(
                3, ProjectRules.secrets(List.of(secret, deployment, configMap)).size());
    }

    @Test
    void aPodNoPolicySelectsOrAMissingDefaultDenyIsRefused() {
        List<JsonNode> policies = PRODUCTION.kind("NetworkPolicy").stream()
                .filter(p -> !p.path("metadata").path("name").asText().equals("default-deny"))
                .toList();
        List<Pods> pods = List.of(new Pods("a stray pod", Map.of("app", "stray")));
        List<String> problems = ProjectRules.networkPolicies(policies, pods);
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void aProductionWithTwoBrokersOrADemoUserIsRefused() {
        assertTrue(Replication.production(LOCAL).size() > 3);
        JsonNode realm = LOCAL.named("KeycloakRealmImport", RealmImportFiles.NAME)
                .path("spec")
                .path("realm");
        String problems = Replication.productionRealm(realm).toString();
        assertTrue(problems.contains("operator1") && problems.contains("suite-cli"), problems);
    }

    @Test
    void aSecondReplicaLocallyIsRefused() {
        assertTrue(Replication.singleNode(PRODUCTION).toString().contains("Deployment complaint-service: replicas 2"));
    }
}
