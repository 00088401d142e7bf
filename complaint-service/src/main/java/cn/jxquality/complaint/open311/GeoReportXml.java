package cn.jxquality.complaint.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The XML forms of the GeoReport v2 documents (what FixMyStreet-style clients read): the same fields as the JSON,
 * lists wrapped in their plural element with one singular element per item.
 */
final class GeoReportXml {

    /** A list element and the name of its items, as the specification's examples spell them. */
    static final Map<String, String> ITEMS = Map.of(
            "services", "service",
            "attributes", "attribute",
            "values", "value",
            "service_requests", "request",
            "errors", "error",
            "endpoints", "endpoint",
            "formats", "format");

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private GeoReportXml() {}

    /** The document for {@code value} (a list or one object) under the root element {@code root}. */
    static String write(ObjectMapper json, String root, Object value) {
        JsonNode tree = json.valueToTree(value);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, tree);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("GeoReport XML could not be written", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, JsonNode node) throws XMLStreamException {
        if (node == null || node.isNull()) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (node.isArray()) {
            String item = ITEMS.getOrDefault(name, "item");
            for (JsonNode child : node) {
                element(xml, item, child);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                element(xml, field.getKey(), field.getValue());
            }
        } else {
            xml.writeCharacters(node.asText());
        }
        xml.writeEndElement();
    }
}
