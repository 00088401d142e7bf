package cn.jxquality.cases.reward;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * What is outside this service in the reward tests: WireMock stands in for complaint-service's internal
 * endpoints (another team's service, seen through its published contract) and for the payment gateway.
 * Keycloak, PostgreSQL and Kafka are the real ones.
 */
public class RewardThirdParties implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer wireMock;

    @Override
    public Map<String, String> start() {
        wireMock = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        String base = "http://127.0.0.1:" + wireMock.port();
        return Map.of(
                "quarkus.rest-client.complaint-service.url",
                base,
                "quarkus.rest-client.payment-gateway.url",
                base + "/gateway");
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
