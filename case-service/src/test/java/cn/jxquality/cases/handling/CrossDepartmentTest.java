package cn.jxquality.cases.handling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.KeycloakTokens;
import cn.jxquality.platform.security.EndpointPolicy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Another department can neither read nor change a case (issue 17's sweep): every operation on one case in the OpenAPI
 * document that departments may call (endpoint-policy.txt), called by Ganzhou's real token with a request that would
 * be valid, answers 404 about a Nanchang case, as if it did not exist (403 where the role alone forbids it), and the
 * case is left as it was. A new case endpoint is covered as soon as it is documented (an
 * action needs its valid body in {@link CaseActionRolesTest#ACTIONS}).
 */
@QuarkusTest
class CrossDepartmentTest {

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    void anotherDepartmentFindsNothingOfACaseAndChangesNothing() throws Exception {
        UUID id = topics.openNanchangComplaint().id();
        String nanchang = KeycloakTokens.of("dept-nc-amr");
        int eventsBefore = as(nanchang)
                .get("/api/v1/cases/" + id + "/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();

        String ganzhou = KeycloakTokens.of("dept-gz-amr");
        List<String> tried = new ArrayList<>();
        String document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        EndpointPolicy policy = EndpointPolicy.read(Path.of("src/test/resources/endpoint-policy.txt"));
        for (EndpointPolicy.Operation operation : EndpointPolicy.operations(document)) {
            if (!operation.path().startsWith("/api/v1/cases/{id}")) {
                continue;
            }
            String path = operation.path().replace("{id}", id.toString());
            RequestSpecification request = as(ganzhou);
            if (operation.method().equals("POST")) {
                String action = path.substring(path.lastIndexOf('/') + 1);
                String body = CaseActionRolesTest.ACTIONS.get(action);
                assertTrue(body != null, "no valid body for the new action " + action + " in CaseActionRolesTest");
                request = request.contentType(ContentType.JSON)
                        .header("If-Match", "\"0\"")
                        .body(body);
            }
            // an operation departments may call: 404, the case is not theirs; one they may not (assign): 403 by role
            request.request(operation.method(), path)
                    .then()
                    .statusCode(policy.who(operation).contains("department") ? 404 : 403)
                    .contentType("application/problem+json");
            tried.add(operation.key());
        }
        assertTrue(tried.size() >= 14, "the reads and every action: " + tried);

        as(nanchang)
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(0))
                .body("state", equalTo("ASSIGNED"));
        assertEquals(
                eventsBefore,
                as(nanchang)
                        .get("/api/v1/cases/" + id + "/events")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .size(),
                "nothing was recorded against the case");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
