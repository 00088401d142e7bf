package cn.jxquality.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Custom resources checked against the openAPIV3Schema of their CustomResourceDefinition, as strictly as the API
 * server prunes: an object schema that lists its properties (or none) and does not say
 * {@code x-kubernetes-preserve-unknown-fields} is closed, so a misspelt field fails here instead of being dropped
 * silently on apply. Kubernetes' own extensions, {@code nullable} and {@code format} are not JSON Schema and are left
 * out; CEL rules ({@code x-kubernetes-validations}) are not evaluated.
 */
final class CrdSchemas {

    private final Map<String, JsonSchema> schemas;

    private CrdSchemas(Map<String, JsonSchema> schemas) {
        this.schemas = schemas;
    }

    static CrdSchemas load(List<String> resources) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (String resource : resources) {
            JsonNode crd = read(resource);
            String group = crd.path("spec").path("group").asText();
            String kind = crd.path("spec").path("names").path("kind").asText();
            for (JsonNode version : crd.path("spec").path("versions")) {
                JsonNode schema =
                        closed(version.path("schema").path("openAPIV3Schema").deepCopy());
                ObjectNode properties = (ObjectNode) schema.path("properties");
                properties.putObject("apiVersion").put("type", "string");
                properties.putObject("kind").put("type", "string");
                properties.putObject("metadata").put("type", "object");
                schemas.put(group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(schema));
            }
        }
        return new CrdSchemas(Map.copyOf(schemas));
    }

    boolean knows(String apiVersionAndKind) {
        return schemas.containsKey(apiVersionAndKind);
    }

    List<String> problems(String apiVersionAndKind, JsonNode object) {
        return schemas.get(apiVersionAndKind).validate(object).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** The schema as the API server applies it: closed where it does not preserve unknown fields. */
    static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode node) {
            boolean open = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                    || node.path("x-kubernetes-embedded-resource").asBoolean(false);
            if ("object".equals(node.path("type").asText()) && !open && !node.has("additionalProperties")) {
                node.put("additionalProperties", false);
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.startsWith("x-kubernetes-") || name.equals("nullable") || name.equals("format")) {
                    names.remove();
                }
            }
            if (node.has("properties")) {
                node.get("properties").forEach(CrdSchemas::closed);
            }
            for (String child : List.of("items", "additionalProperties")) {
                closed(node.path(child));
            }
            for (String list : List.of("allOf", "anyOf", "oneOf")) {
                node.path(list).forEach(CrdSchemas::closed);
            }
        }
        return schema;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return Rendered.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
