package cn.jxquality.notify;

import static io.restassured.RestAssured.given;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.KeycloakTokens;
import cn.jxquality.notify.support.PublicClients;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every endpoint × every role of the realm, with real Keycloak tokens (the demo user of each role, the
 * three service accounts, and no token at all). Only complaint-service's account is meant for this service (it relays
 * opt-outs); case-service's and notify-service's own tokens lack this service's audience and are refused outright. A status other than 401/403 means the caller
 * got past authorisation: 200 for reads, 404 for a resend of an unknown id or an opt-out with a wrong code.
 */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class RoleMatrixTest {

    @ParameterizedTest(name = "{0}: log {1}, resend {2}, inbox {3}, opt-out {4}")
    @CsvSource({
        "anonymous,   401, 401, 401, 404",
        "operator1,   403, 403, 403, 404",
        "supervisor1, 200, 404, 200, 404",
        "dept-nc-amr, 403, 403, 200, 404",
        "reviewer1,   403, 403, 403, 404",
        "approver1,   403, 403, 403, 404",
        "finance1,    403, 403, 403, 404",
        "auditor1,    200, 403, 403, 404",
        "admin1,      403, 403, 403, 404",
        "complaint-service, 403, 403, 403, 404",
        "case-service,      401, 401, 401, 401",
        "notify-service,    401, 401, 401, 401"
    })
    void eachRoleReachesExactlyItsEndpoints(String caller, int log, int resend, int inbox, int optOut) {
        as(caller).get("/api/v1/notifications?limit=1").then().statusCode(log);
        as(caller).get("/api/v1/notifications/resend-batches?limit=1").then().statusCode(log);
        // the bulk re-send as far as authorisation: past it, an unknown channel is a 400 and nothing is re-queued
        as(caller)
                .post("/api/v1/notifications/resend-batches?channel=PIGEON")
                .then()
                .statusCode(resend == 404 ? 400 : resend);
        as(caller)
                .post("/api/v1/notifications/{id}/resend", UUID.randomUUID())
                .then()
                .statusCode(resend);
        as(caller).get("/api/v1/inbox?limit=1").then().statusCode(inbox);
        as(caller)
                .contentType(ContentType.JSON)
                .header("X-Forwarded-For", PublicClients.forwardedFor())
                .body("{\"trackingNumber\":\"%s\",\"optOutCode\":\"ZZZZZZZZ\"}".formatted(Events.trackingNumber()))
                .post("/api/v1/opt-outs")
                .then()
                .statusCode(optOut);
    }

    private static RequestSpecification as(String caller) {
        return switch (caller) {
            case "anonymous" -> given();
            case "complaint-service", "case-service", "notify-service" ->
                given().auth().oauth2(KeycloakTokens.ofService(caller));
            default -> given().auth().oauth2(KeycloakTokens.of(caller));
        };
    }
}
