package cn.jxquality.notify.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * What is outside this service in module tests: WireMock stands in for complaint-service's contact endpoint,
 * the SMS gateway and a department's webhook; GreenMail is a real SMTP server. Keycloak is the real one.
 */
public class ThirdParties implements QuarkusTestResourceLifecycleManager {

    /** The department whose own system takes webhooks in tests (Ganzhou market regulation). */
    public static final String WEBHOOK_DEPARTMENT = "360700-AMR";

    public static final String WEBHOOK_PATH = "/hooks/" + WEBHOOK_DEPARTMENT;
    public static final String SMS_PATH = "/sms/send";
    public static final String SMS_STATUS_PATH = "/sms/status";

    private static WireMockServer wireMock;
    private static GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        wireMock = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .extensions(new ContactLookups()));
        wireMock.start();
        // the look-up answers only to a bearer token (the real one from Keycloak)
        wireMock.stubFor(post(urlEqualTo(Stubs.CONTACT_LOOKUPS_PATH))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9_.-]+"))
                .willReturn(aResponse().withTransformers(ContactLookups.NAME)));
        greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        String base = "http://127.0.0.1:" + wireMock.port();
        return Map.of(
                "quarkus.rest-client.complaint-service.url",
                base,
                "notify.sms.url",
                base + SMS_PATH,
                "notify.sms.status-url",
                base + SMS_STATUS_PATH,
                "notify.webhook.departments.\"" + WEBHOOK_DEPARTMENT + "\"",
                base + WEBHOOK_PATH,
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                Integer.toString(greenMail.getSmtp().getPort()));
    }

    @Override
    public void stop() {
        if (wireMock != null) {
            wireMock.stop();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public static WireMockServer wireMock() {
        return wireMock;
    }

    public static GreenMail greenMail() {
        return greenMail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
