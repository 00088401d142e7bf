package cn.jxquality.complaint;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A malformed path parameter is the caller's mistake, answered 400 from platform's one mapping: problem+json naming
 * the parameter to an API client, the "bad request" page in the person's language in a browser.
 */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class ParameterErrorsTest {

    @Test
    void aPageAddressWithAMalformedIdIsABadRequestPage() {
        Browser.chinese()
                .as("supervisor1")
                .get("/console/cases/not-a-case")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh-CN\""));
        Browser.english()
                .as("supervisor1")
                .get("/console/rewards/not-a-reward")
                .then()
                .statusCode(400)
                .body(containsString("<html lang=\"en\""));
    }

    @Test
    void anApiClientIsToldWhichParameter() {
        Browser.chinese()
                .as("supervisor1")
                .request()
                .accept("*/*")
                .get("/console/cases/not-a-case")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"));
    }
}
