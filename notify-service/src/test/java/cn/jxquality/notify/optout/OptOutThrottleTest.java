package cn.jxquality.notify.optout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.PublicClients;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Ten failed opt-outs per tracking number or per client in 15 minutes close the door: 429 with Retry-After. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class OptOutThrottleTest {

    static final OptOutCodes CODES =
            new OptOutCodes(ConfigProvider.getConfig().getValue("notify.opt-out.key", String.class));

    @Test
    void aClientWithTenFailuresIsTurnedAwayEvenWithTheRightCode() {
        String client = PublicClients.address();
        for (int i = 0; i < 10; i++) {
            optOut(client, Events.trackingNumber(), "ZZZZZZZZ").statusCode(404);
        }
        String number = Events.trackingNumber();
        optOut(client, number, CODES.codeFor(number))
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        optOut(PublicClients.address(), number, CODES.codeFor(number))
                .statusCode(204); // another client is not affected
    }

    @Test
    void aTrackingNumberWithTenFailuresIsClosedForEveryClient() {
        String number = Events.trackingNumber();
        for (int i = 0; i < 10; i++) {
            optOut(PublicClients.address(), number, "ZZZZZZZZ").statusCode(404);
        }
        optOut(PublicClients.address(), number, CODES.codeFor(number))
                .statusCode(429)
                .body("status", equalTo(429))
                .header("Retry-After", notNullValue());
    }

    static ValidatableResponse optOut(String client, String trackingNumber, String code) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "203.0.113.9, " + client)
                .body("{\"trackingNumber\":\"%s\",\"optOutCode\":\"%s\"}".formatted(trackingNumber, code))
                .when()
                .post("/api/v1/opt-outs")
                .then();
    }
}
