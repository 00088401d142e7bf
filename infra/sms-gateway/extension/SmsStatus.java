package sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMS gateway sandbox's status look-up, as real gateways offer one: {@code GET /sms/status?reference=<id>} answers
 * 200 when the gateway took a message with that reference ({@code POST /sms/send} answered 2xx, even if the client had
 * stopped waiting), else the mapping's 404. Remembers the last {@value #KEPT} references taken.
 */
public final class SmsStatus implements ServeEventListener, ResponseDefinitionTransformerV2 {

    static final int KEPT = 200_000;
    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

    /** Static: WireMock may make an instance of the class for each kind of extension it implements. */
    private static final Set<String> TAKEN = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<String, Boolean>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > KEPT;
                }
            }));

    @Override
    public String getName() {
        return "sms-status";
    }

    /** Listens to every request and looks at every answer; it changes only the status look-up's. */
    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
        LoggedRequest request = event.getRequest();
        LoggedResponse response = event.getResponse();
        if (RequestMethod.POST.equals(request.getMethod()) && request.getUrl().startsWith("/sms/send")
                && response != null && response.getStatus() / 100 == 2) {
            Matcher reference = REFERENCE.matcher(request.getBodyAsString());
            if (reference.find()) {
                TAKEN.add(reference.group(1));
            }
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        if (!RequestMethod.GET.equals(request.getMethod()) || !request.getUrl().startsWith("/sms/status")) {
            return event.getResponseDefinition();
        }
        QueryParameter reference = request.queryParameter("reference");
        if (!reference.isPresent() || !TAKEN.contains(reference.firstValue())) {
            return event.getResponseDefinition();
        }
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"reference\":\"" + reference.firstValue() + "\",\"status\":\"TAKEN\"}")
                .build();
    }
}
