package cn.jxquality.platform.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A provider's OpenAPI document as its build wrote it ({@code quarkus.smallrye-openapi.store-schema-directory}), for a
 * consumer's contract test: the body a consumer's stub answers must be what the provider documents for that
 * operation (OpenAPI 3.1 schemas are JSON Schema 2020-12). A missing document fails.
 */
public final class ProviderOpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final JsonNode document;

    private ProviderOpenApi(Path file, JsonNode document) {
        this.file = file;
        this.document = document;
    }

    /** {@code <provider>/target/openapi/openapi.json}, which the provider's build writes. */
    public static ProviderOpenApi of(Path file) {
        assertTrue(
                Files.exists(file), "no OpenAPI document " + file + ": build the provider first (./mvnw verify does)");
        try {
            return new ProviderOpenApi(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless {@code body} satisfies the schema the provider documents for this operation's JSON answer. */
    public void assertAnswers(String path, String method, String status, JsonNode body) {
        JsonNode schema = document.path("paths")
                .path(path)
                .path(method)
                .path("responses")
                .path(status)
                .path("content")
                .path("application/json")
                .path("schema");
        assertNotNull(schema.get("$ref"), file + " documents no JSON body for " + method + " " + path + " " + status);
        ObjectNode standalone = JSON.createObjectNode();
        standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        standalone.put("$ref", schema.get("$ref").asText());
        standalone.set("components", document.path("components"));
        assertEquals(
                Set.of(),
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(standalone)
                        .validate(body),
                method + " " + path + " " + status + " as documented rejects " + body);
    }

    /**
     * Fails unless what a consumer reads from this operation's JSON answer is there, with a compatible JSON type: each
     * component of {@code read} (a record, a list of records, a scalar) must be a property of the documented schema.
     * The consumer may read less than the provider answers (a tolerant reader), never more.
     */
    public void assertConsumerReads(String path, String method, Type read) {
        for (Map.Entry<String, JsonNode> operation : operations(path, method).entrySet()) {
            JsonNode schema = null;
            for (var status = operation.getValue().path("responses").fields(); status.hasNext() && schema == null; ) {
                var response = status.next();
                if (response.getKey().startsWith("2")) {
                    JsonNode json = response.getValue().path("content").path("application/json");
                    schema = json.isMissingNode() ? null : json.path("schema");
                }
            }
            assertNotNull(schema, file + " documents no JSON answer for " + operation.getKey());
            assertCompatible(schema, read, operation.getKey());
        }
    }

    /** Fails unless every public field or component of the body a consumer sends is a property of the request. */
    public void assertConsumerSends(String path, String method, Class<?> body) {
        for (Map.Entry<String, JsonNode> operation : operations(path, method).entrySet()) {
            JsonNode schema = resolve(operation
                    .getValue()
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema"));
            assertTrue(schema.has("properties"), file + " documents no JSON request body for " + operation.getKey());
            for (String name : propertiesOf(body).keySet()) {
                assertTrue(
                        schema.path("properties").has(name),
                        operation.getKey() + ": the consumer sends " + name + ", which " + file + " does not take");
            }
        }
    }

    /**
     * The documented operations a consumer's path reaches: its template segments ({@code {id}}) match the provider's
     * template segments; only where there is no such path does a template segment stand for any literal one, so a
     * client method that posts to {@code /{id}/{action}} is checked against every documented action.
     */
    private Map<String, JsonNode> operations(String path, String method) {
        Map<String, JsonNode> operations = matching(path, method, "\\{[^/]+}");
        if (operations.isEmpty()) {
            operations = matching(path, method, "[^/]+");
        }
        assertTrue(!operations.isEmpty(), file + " documents no " + method + " " + path);
        return operations;
    }

    private Map<String, JsonNode> matching(String path, String method, String templateSegment) {
        String pattern = Arrays.stream(path.split("/"))
                .map(segment -> segment.startsWith("{") ? templateSegment : Pattern.quote(segment))
                .collect(Collectors.joining("/"));
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(documented -> {
            if (documented.getKey().matches(pattern) && documented.getValue().has(method)) {
                operations.put(
                        method + " " + documented.getKey(),
                        documented.getValue().get(method));
            }
        });
        return operations;
    }

    private void assertCompatible(JsonNode documented, Type read, String where) {
        JsonNode schema = resolve(documented);
        Class<?> raw = read instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) read;
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return;
        }
        Set<String> types = types(schema);
        if (Collection.class.isAssignableFrom(raw)) {
            assertTrue(types.contains("array"), where + " is " + types + ", the consumer reads a list");
            assertCompatible(
                    schema.path("items"), ((ParameterizedType) read).getActualTypeArguments()[0], where + "[]");
        } else if (Map.class.isAssignableFrom(raw)) {
            assertTrue(types.contains("object"), where + " is " + types + ", the consumer reads a map");
        } else if (raw.isRecord()) {
            assertTrue(
                    schema.has("properties"), where + " is " + types + ", the consumer reads " + raw.getSimpleName());
            propertiesOf(raw).forEach((name, type) -> {
                JsonNode property = schema.path("properties").path(name);
                assertTrue(
                        !property.isMissingNode(),
                        where + ": the consumer's " + raw.getSimpleName() + " reads " + name
                                + ", which the provider does not answer");
                assertCompatible(property, type, where + "." + name);
            });
        } else {
            String expected = jsonTypeOf(raw);
            assertTrue(
                    types.contains(expected) || expected.equals("number") && types.contains("integer"),
                    where + " is " + types + ", the consumer reads " + raw.getSimpleName());
        }
    }

    /** A {@code $ref}, followed; {@code allOf} of one reference (how nullable references are written), too. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (true) {
            if (resolved.has("$ref")) {
                String name = resolved.get("$ref").asText().replace("#/components/schemas/", "");
                resolved = document.path("components").path("schemas").path(name);
            } else if (resolved.has("allOf") && resolved.get("allOf").size() == 1) {
                resolved = resolved.get("allOf").get(0);
            } else {
                return resolved;
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new HashSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        } else if (schema.has("properties")) {
            types.add("object");
        }
        return types;
    }

    private static String jsonTypeOf(Class<?> type) {
        if (type == String.class
                || type.isEnum()
                || TemporalAccessor.class.isAssignableFrom(type)
                || type == UUID.class) {
            return "string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class) {
            return "integer";
        }
        if (type == double.class
                || type == float.class
                || type == Double.class
                || type == Float.class
                || type == BigDecimal.class) {
            return "number";
        }
        throw new AssertionError("no JSON type for " + type.getName() + ": teach ProviderOpenApi");
    }

    /** A record's components, or a class's public instance fields (a form sent as JSON), by name. */
    private static Map<String, Type> propertiesOf(Class<?> type) {
        Map<String, Type> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(component.getName(), component.getGenericType());
            }
        } else {
            for (Field field : type.getFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    properties.put(field.getName(), field.getGenericType());
                }
            }
        }
        return properties;
    }
}
