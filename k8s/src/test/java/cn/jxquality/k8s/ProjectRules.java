package cn.jxquality.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/** The project's own rules for what may be applied; each check returns what breaks it, empty when nothing does. */
final class ProjectRules {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|SECRET|PASSWORD|TOKEN|JAAS).*");
    private static final Set<String> PROBES =
            Set.of("startupProbe=/q/health/started", "readinessProbe=/q/health/ready", "livenessProbe=/q/health/live");

    private ProjectRules() {}

    /** Probes, requests and limits, a locked-down security context, a writable /tmp only. */
    static List<String> deployment(JsonNode deployment) {
        List<String> problems = new ArrayList<>();
        String name = Rendered.describe(deployment);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
            problems.add(name + ": the pod does not set runAsNonRoot");
        }
        if (!"RuntimeDefault"
                .equals(pod.path("securityContext")
                        .path("seccompProfile")
                        .path("type")
                        .asText())) {
            problems.add(name + ": the pod's seccompProfile is not RuntimeDefault");
        }
        if (pod.path("automountServiceAccountToken").asBoolean(true)) {
            problems.add(name + ": mounts a service account token it does not use");
        }
        for (JsonNode container : pod.path("containers")) {
            String where = name + " container " + container.path("name").asText();
            for (String probe : PROBES) {
                String[] kindAndPath = probe.split("=");
                String path = container
                        .path(kindAndPath[0])
                        .path("httpGet")
                        .path("path")
                        .asText();
                if (!kindAndPath[1].equals(path)) {
                    problems.add(where + ": no " + kindAndPath[0] + " on " + kindAndPath[1]);
                }
            }
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (container
                            .path("resources")
                            .path(bound)
                            .path(resource)
                            .asText()
                            .isEmpty()) {
                        problems.add(where + ": no " + resource + " in resources." + bound);
                    }
                }
            }
            problems.addAll(securityContext(where, container.path("securityContext")));
            boolean tmp = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                    .anyMatch(mount -> "/tmp".equals(mount.path("mountPath").asText()));
            if (!tmp) {
                problems.add(where + ": no writable /tmp (an emptyDir) beside the read-only root filesystem");
            }
        }
        return problems;
    }

    private static List<String> securityContext(String where, JsonNode context) {
        List<String> problems = new ArrayList<>();
        if (context.path("allowPrivilegeEscalation").asBoolean(true)) {
            problems.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (!context.path("readOnlyRootFilesystem").asBoolean(false)) {
            problems.add(where + ": the root filesystem is not read-only");
        }
        boolean dropsAll = StreamSupport.stream(
                        context.path("capabilities").path("drop").spliterator(), false)
                .anyMatch(capability -> "ALL".equals(capability.asText()));
        if (!dropsAll) {
            problems.add(where + ": does not drop ALL capabilities");
        }
        return problems;
    }

    /** No secret value in the manifests: no Secret with data, no literal value or ConfigMap entry for a secret. */
    static List<String> secrets(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String name = Rendered.describe(object);
            String kind = object.path("kind").asText();
            if (kind.equals("Secret") && (object.has("data") || object.has("stringData"))) {
                problems.add(name + ": a Secret with its values; reference a Secret made outside the manifests");
            }
            if (kind.equals("ConfigMap")) {
                object.path("data").fieldNames().forEachRemaining(key -> {
                    if (SECRET_NAME.matcher(key).matches()) {
                        problems.add(name + ": " + key + " looks secret; reference it from a Secret");
                    }
                });
            }
            for (JsonNode container :
                    object.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode env : container.path("env")) {
                    if (env.has("value")
                            && SECRET_NAME.matcher(env.path("name").asText()).matches()) {
                        problems.add(
                                name + ": " + env.path("name").asText() + " has a literal value; use secretKeyRef");
                    }
                }
            }
        }
        return problems;
    }

    /** A default deny in both directions, and every pod selected by a policy that names it. */
    static List<String> networkPolicies(List<JsonNode> policies, List<Pods> pods) {
        List<String> problems = new ArrayList<>();
        boolean defaultDeny = policies.stream().anyMatch(policy -> {
            JsonNode spec = policy.path("spec");
            return Labels.selectsAll(spec.path("podSelector"))
                    && spec.path("policyTypes").toString().contains("Ingress")
                    && spec.path("policyTypes").toString().contains("Egress")
                    && spec.path("ingress").isEmpty()
                    && spec.path("egress").isEmpty();
        });
        if (!defaultDeny) {
            problems.add("no default-deny NetworkPolicy (all pods, Ingress and Egress, no rule)");
        }
        for (Pods pod : pods) {
            boolean covered = policies.stream()
                    .map(policy -> policy.path("spec").path("podSelector"))
                    .anyMatch(selector -> !Labels.selectsAll(selector) && Labels.matches(selector, pod.labels()));
            if (!covered) {
                problems.add(pod.description() + ": no NetworkPolicy selects its pods " + pod.labels());
            }
        }
        return problems;
    }
}
