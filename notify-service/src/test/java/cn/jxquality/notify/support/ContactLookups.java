package cn.jxquality.notify.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * complaint-service's contact look-up as WireMock answers it: from the contacts tests registered through
 * {@link Stubs#contact}, whichever complaints one request asks for (a pass mixes several tests' citizens).
 */
public final class ContactLookups implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "contact-lookups";

    static final Map<UUID, String> CONTACTS = new ConcurrentHashMap<>();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode id :
                    JSON.readTree(serveEvent.getRequest().getBodyAsString()).path("complaintIds")) {
                String contact = CONTACTS.get(UUID.fromString(id.asText()));
                if (contact != null) {
                    found.add(contact);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(400)
                    .build();
        }
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"contacts\":[" + String.join(",", found) + "]}")
                .build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
