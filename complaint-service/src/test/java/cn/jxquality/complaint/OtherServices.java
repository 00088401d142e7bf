package cn.jxquality.complaint;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * case-service and notify-service as the pages see them (another team's services, through their published APIs):
 * one WireMock for both. Keycloak, PostgreSQL and Kafka are the real ones.
 */
public class OtherServices implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer wireMock;

    @Override
    public Map<String, String> start() {
        wireMock = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        String base = "http://127.0.0.1:" + wireMock.port();
        return Map.of("quarkus.rest-client.case-service.url", base, "quarkus.rest-client.notify-service.url", base);
    }

    @Override
    public void stop() {
        if (wireMock != null) {
            wireMock.stop();
        }
    }

    public static WireMockServer wireMock() {
        return wireMock;
    }
}
