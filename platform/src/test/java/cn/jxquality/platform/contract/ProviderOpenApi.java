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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

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
}
