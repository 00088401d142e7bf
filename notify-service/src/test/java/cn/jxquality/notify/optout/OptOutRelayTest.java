package cn.jxquality.notify.optout;

import static io.restassured.RestAssured.given;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.KeycloakTokens;
import cn.jxquality.notify.support.PublicClients;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not behind a trusted proxy (as in production without one): only complaint-service's opt-out page (realm role
 * citizen-relay) names the citizen's address in X-Forwarded-For; anyone else's header is ignored, so a guesser
 * cannot step around the throttle by naming another address each time.
 */
@QuarkusTest
@TestProfile(OptOutRelayTest.NoTrustedProxy.class)
@QuarkusTestResource(ThirdParties.class)
class OptOutRelayTest {

    /** The opt-out throttle believes no proxy. */
    public static class NoTrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("client-address.behind-trusted-proxy", "false");
        }
    }

    @Test
    void theRelaysCitizensAreCountedApartAndAnybodyElsesHeaderIsIgnored() {
        String relay = KeycloakTokens.complaintService();
        String citizen = PublicClients.address();
        for (int i = 0; i < 10; i++) {
            optOut(relay, citizen).statusCode(404);
        }
        optOut(relay, citizen).statusCode(429);
        optOut(relay, PublicClients.address()).statusCode(404);

        for (int i = 0; i < 10; i++) {
            optOut(null, PublicClients.address()).statusCode(404);
        }
        // every anonymous try counted against the peer, whatever address the header named
        optOut(null, PublicClients.address()).statusCode(429);
    }

    private static ValidatableResponse optOut(String token, String client) {
        var request = given().contentType(ContentType.JSON).header("X-Forwarded-For", client);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.body(
                        "{\"trackingNumber\":\"%s\",\"optOutCode\":\"ZZZZZZZZ\"}".formatted(Events.trackingNumber()))
                .when()
                .post("/api/v1/opt-outs")
                .then();
    }
}
