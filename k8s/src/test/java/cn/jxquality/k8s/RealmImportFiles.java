package cn.jxquality.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The KeycloakRealmImport manifests, made from the realm export the local scripts import: the production realm
 * (base/realm-import.yaml) and, for the local overlay, a patch adding the demo users and clients
 * (overlays/local/realm-import-demo.yaml). Kustomize cannot embed a JSON file in a resource, so they are generated and
 * committed, and {@code RealmImportFilesTest} fails when they no longer match the seeds.
 */
final class RealmImportFiles {

    static final String REGENERATE = "./mvnw -B -pl k8s test -Dtest=RealmImportFilesTest -Dk8s.regenerate=true";
    static final Path PRODUCTION_REALM = Path.of("seeds/keycloak/jiangxi-quality-realm.json");
    static final Path DEMO_ADDITIONS = Path.of("seeds/keycloak/demo-realm-additions.json");
    static final Path PRODUCTION_FILE = Path.of("k8s/base/realm-import.yaml");
    static final Path DEMO_FILE = Path.of("k8s/overlays/local/realm-import-demo.yaml");
    static final String NAME = "jiangxi-quality";

    /** The realm's placeholders and the Secret keys the operator fills them from (the services read the same keys). */
    static final Map<String, Map<String, String>> PLACEHOLDERS = placeholders();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private final Path root;

    RealmImportFiles(Path root) {
        this.root = root;
    }

    ObjectNode productionRealm() {
        return (ObjectNode) read(PRODUCTION_REALM);
    }

    /**
     * The production realm with every list of the demo additions (users, clients) appended to the realm's own and its
     * other realm settings (the demo's password policy) in place of the realm's; {@code ifResourceExists} is the
     * partial import's own.
     */
    ObjectNode demoRealm() {
        ObjectNode realm = productionRealm();
        read(DEMO_ADDITIONS).properties().forEach(entry -> {
            if (entry.getValue().isArray()) {
                ArrayNode list = realm.has(entry.getKey())
                        ? (ArrayNode) realm.get(entry.getKey())
                        : realm.putArray(entry.getKey());
                list.addAll((ArrayNode) entry.getValue());
            } else if (!entry.getKey().equals("ifResourceExists")) {
                realm.set(entry.getKey(), entry.getValue());
            }
        });
        return realm;
    }

    String productionFile() {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", NAME);
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        spec.set("placeholders", placeholderSecrets(productionRealm()));
        spec.set("realm", productionRealm());
        return header(PRODUCTION_REALM.toString()) + yaml(resource);
    }

    String demoFile() {
        ObjectNode replace = JsonNodeFactory.instance.objectNode();
        replace.put("op", "replace");
        replace.put("path", "/spec/realm");
        replace.set("value", demoRealm());
        return header(PRODUCTION_REALM + " and " + DEMO_ADDITIONS)
                + yaml(JsonNodeFactory.instance.arrayNode().add(replace));
    }

    static Set<String> placeholdersIn(JsonNode realm) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(realm.toString());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static ObjectNode placeholderSecrets(JsonNode realm) {
        ObjectNode placeholders = JsonNodeFactory.instance.objectNode();
        for (String name : placeholdersIn(realm)) {
            Map<String, String> secret = PLACEHOLDERS.get(name);
            if (secret == null) {
                throw new IllegalStateException("the realm uses ${" + name + "}; map it to a Secret in PLACEHOLDERS");
            }
            placeholders.putObject(name).set("secret", JSON.valueToTree(secret));
        }
        return placeholders;
    }

    private static String header(String from) {
        return "# Generated from " + from
                + " (k8s/src/test/java/cn/jxquality/k8s/RealmImportFiles.java); do not edit.\n" + "# Regenerate: "
                + REGENERATE + "\n";
    }

    private static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(Path relative) {
        try {
            return JSON.readTree(root.resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Map<String, String>> placeholders() {
        Map<String, Map<String, String>> map = new LinkedHashMap<>();
        map.put("COMPLAINT_SERVICE_CLIENT_SECRET", secret("complaint-service-secrets", "OIDC_CLIENT_SECRET"));
        map.put("CASE_SERVICE_CLIENT_SECRET", secret("case-service-secrets", "OIDC_CLIENT_SECRET"));
        map.put("NOTIFY_SERVICE_CLIENT_SECRET", secret("notify-service-secrets", "OIDC_CLIENT_SECRET"));
        map.put("WEB_CONSOLE_CLIENT_SECRET", secret("complaint-service-secrets", "WEB_CONSOLE_SECRET"));
        map.put("CONSOLE_BASE_URL", secret("keycloak-realm-settings", "CONSOLE_BASE_URL"));
        return Map.copyOf(map);
    }

    private static Map<String, String> secret(String name, String key) {
        Map<String, String> secret = new LinkedHashMap<>();
        secret.put("name", name);
        secret.put("key", key);
        return secret;
    }
}
