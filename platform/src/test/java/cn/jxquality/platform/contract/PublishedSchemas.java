package cn.jxquality.platform.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A producer's published event schemas ({@code <producer>/src/main/resources/events/<type>.json}), for consumers'
 * contract tests: a fixture the producer's schema rejects fails the consumer's build, and so does a schema that is
 * missing (a contract nobody can read is no contract).
 */
public final class PublishedSchemas {

    private PublishedSchemas() {}

    /** Fails unless {@code file} exists and accepts {@code data} (JSON Schema 2020-12, formats asserted). */
    public static void assertAccepts(Path file, JsonNode data) {
        assertTrue(Files.exists(file), "no published schema " + file);
        assertEquals(Set.of(), load(file).validate(data), file.getFileName() + " rejects " + data);
    }

    /** The schema in {@code file}. */
    public static JsonSchema load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(
                            in,
                            SchemaValidatorsConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
