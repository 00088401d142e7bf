package cn.jxquality.complaint;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The role checks with real tokens from the test Keycloak (realm jiangxi-quality): realm roles and the audience
 * mapper as the realm export sets them, not as {@code @TestSecurity} assumes them.
 */
@QuarkusTest
class KeycloakTokensTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Test
    void anOperatorTokenSearchesAndADepartmentTokenIsRefused() {
        String trackingNumber = submit();
        given().auth()
                .oauth2(userToken("operator1"))
                .queryParam("trackingNumber", trackingNumber)
                .get("/api/v1/complaints")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(userToken("dept-nc-amr"))
                .queryParam("trackingNumber", trackingNumber)
                .get("/api/v1/complaints")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2("not-a-token")
                .get("/api/v1/complaints")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void notifyServicesAccountReadsAContactAndNeitherAnOperatorNorCaseServiceCan() {
        String trackingNumber = submit();
        String id = given().auth()
                .oauth2(userToken("supervisor1"))
                .queryParam("reason", "contact test")
                .get("/api/v1/complaints/" + trackingNumber)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        given().auth()
                .oauth2(serviceToken("notify-service", "notify-service-dev-secret"))
                .get("/internal/v1/complaints/" + id + "/contact")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(userToken("operator1"))
                .get("/internal/v1/complaints/" + id + "/contact")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(serviceToken("case-service", "case-service-dev-secret"))
                .get("/internal/v1/complaints/" + id + "/contact")
                .then()
                .statusCode(403);
    }

    @Test
    void complaintServicesOwnAccountIsNotMeantForThisService() {
        given().auth()
                .oauth2(serviceToken("complaint-service", "complaint-service-dev-secret"))
                .get("/open311/discovery.json")
                .then()
                .statusCode(401); // its token carries only the audiences of the services it calls
    }

    private String userToken(String user) {
        return token(
                Map.of("grant_type", "password", "client_id", "suite-cli", "username", user, "password", "password"));
    }

    private String serviceToken(String client, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    private String token(Map<String, String> form) {
        return given().contentType(ContentType.URLENC)
                .formParams(form)
                .post(realm + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static String submit() {
        return given().contentType(ContentType.JSON)
                .body(Submissions.uniqueWebComplaint())
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
    }
}
