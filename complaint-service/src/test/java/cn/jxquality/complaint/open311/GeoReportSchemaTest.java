package cn.jxquality.complaint.open311;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Open311 answers against GeoReport v2's own JSON schemas (test resources {@code open311/georeport-v2}, from the
 * Open311 project): in JSON as they are, and in XML read into the same shape, each scalar by the type its schema
 * declares (a value that is not of that type stays text, and the schema refuses it).
 */
@QuarkusTest
class GeoReportSchemaTest {

    private static final String BASE = "https://open311.org/georeport-v2/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V4,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, "classpath:open311/georeport-v2/")));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    @Test
    void servicesAndTheirDefinitions() {
        valid("services.json", "/open311/v2/services");
        valid("service-definition.json", "/open311/v2/services/PRODUCT.FOOD");
        valid("service-definition.json", "/open311/v2/services/PRODUCT.HOUSEHOLD_APPLIANCE");
    }

    @Test
    void requestsReadBackWithAndWithoutAKey() {
        Map<String, String> form = Open311Test.form(Open311Test.KEY);
        form.put("attribute[consent_publish]", "true");
        form.put("description", "热水器漏电，商家拒绝退货，".repeat(360)); // 4,680 characters: the schema allows 4,000
        String id = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form)
                .post("/open311/v2/requests.json")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("[0].service_request_id");
        valid("requests.json", "/open311/v2/requests/" + id);
        String shown = given().get("/open311/v2/requests/" + id + ".json")
                .then()
                .extract()
                .path("[0].description");
        assertEquals(4000, shown.codePointCount(0, shown.length()));
        assertTrue(shown.endsWith("…") && form.get("description").startsWith(shown.substring(0, 3999)));
        valid("requests.json", "/open311/v2/requests/" + id + "?api_key=" + Open311Test.KEY);
        valid("requests.json", "/open311/v2/requests?service_request_id=" + id);
        valid("requests.json", "/open311/v2/requests?api_key=" + Open311Test.KEY);
    }

    /** The reader below is strict enough to fail: a boolean written as a word is refused by the schema. */
    @Test
    void aWrongTypeInXmlIsRefused() throws Exception {
        String xml = "<services><service><service_code>A.B</service_code><service_name>x</service_name>"
                + "<metadata>yes</metadata><type>realtime</type></service></services>";
        Set<ValidationMessage> errors = schema("services.json").validate(fromXml(xml, schema("services.json")));
        assertEquals(1, errors.size(), errors.toString());
    }

    /** Both formats of {@code path} (without its extension) are valid against the schema file. */
    private static void valid(String schemaFile, String path) {
        JsonSchema schema = schema(schemaFile);
        String query = path.contains("?") ? path.substring(path.indexOf('?')) : "";
        String bare = query.isEmpty() ? path : path.substring(0, path.indexOf('?'));
        String json = given().get(bare + ".json" + query)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String xml = given().get(bare + ".xml" + query)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            JsonNode fromJson = JSON.readTree(json);
            assertTrue(fromJson.size() > 0, path + " answered nothing to validate");
            assertEquals(Set.of(), schema.validate(fromJson), path + ".json: " + shown(json));
            assertEquals(Set.of(), schema.validate(fromXml(xml, schema)), path + ".xml: " + shown(xml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(path + ".xml could not be read: " + shown(xml), e);
        }
    }

    private static String shown(String body) {
        return body.length() <= 400 ? body : body.substring(0, 400) + "…";
    }

    private static JsonSchema schema(String file) {
        return SCHEMAS.getSchema(SchemaLocation.of(BASE + file), CONFIG);
    }

    /** The XML document as the JSON its schema describes: lists, objects and typed scalars. */
    static JsonNode fromXml(String xml, JsonSchema schema) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
            Element root = factory.newDocumentBuilder().parse(in).getDocumentElement();
            return read(root, schema.getSchemaNode());
        }
    }

    private static JsonNode read(Element element, JsonNode declared) {
        JsonNode schema = resolved(declared);
        List<Element> children = children(element);
        String type = type(schema);
        if ("array".equals(type)) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            children.forEach(child -> array.add(read(child, schema.path("items"))));
            return array;
        }
        if ("object".equals(type) || schema.has("properties") || !children.isEmpty()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            children.forEach(child -> object.set(
                    child.getTagName(), read(child, schema.path("properties").path(child.getTagName()))));
            return object;
        }
        String text = element.getTextContent();
        if (text.isEmpty() && !"string".equals(type)) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return switch (type == null ? "string" : type) {
                case "boolean" ->
                    text.equals("true") || text.equals("false")
                            ? JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text))
                            : JsonNodeFactory.instance.textNode(text);
                case "integer" -> JsonNodeFactory.instance.numberNode(Long.parseLong(text));
                case "number" -> JsonNodeFactory.instance.numberNode(new BigDecimal(text));
                default -> JsonNodeFactory.instance.textNode(text);
            };
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    /** A {@code $ref} to one of the schema files, read from the test resources. */
    private static JsonNode resolved(JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        return schema(schema.get("$ref").asText()).getSchemaNode();
    }

    /** The schema's type: its own, or the first of its {@code anyOf} that is not null. */
    private static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        for (JsonNode option : schema.path("anyOf")) {
            if (!"null".equals(option.path("type").asText())) {
                return option.path("type").asText(null);
            }
        }
        return null;
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }
}
