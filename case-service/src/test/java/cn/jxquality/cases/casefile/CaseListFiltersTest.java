package cn.jxquality.cases.casefile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.jxquality.cases.handling.CaseTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worklist filters of DESIGN §4: state, overdue, kind, category, received range. */
@QuarkusTest
class CaseListFiltersTest {

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void filtersNarrowTheWorklist() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        Instant now = Instant.now();
        String hourAgo = now.minus(Duration.ofHours(1)).toString();
        String hourAhead = now.plus(Duration.ofHours(1)).toString();

        count(opened, Map.of("category", "PRODUCT"), 1);
        count(opened, Map.of("category", "PRODUCT.FOOD"), 1);
        count(opened, Map.of("category", "PRODUCT.FO"), 0);
        count(opened, Map.of("category", "SERVICE"), 0);
        count(opened, Map.of("kind", "COMPLAINT", "state", "ASSIGNED"), 1);
        count(opened, Map.of("kind", "REPORT"), 0);
        count(opened, Map.of("receivedFrom", hourAgo, "receivedTo", hourAhead), 1);
        count(opened, Map.of("receivedFrom", hourAhead), 0);
        count(opened, Map.of("receivedTo", hourAgo), 0);
        count(opened, Map.of("overdue", "false"), 1);
        count(opened, Map.of("overdue", "true"), 0);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void malformedFiltersAreClientErrorsNamingTheParameter() {
        given().queryParam("overdue", "maybe")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("overdue"));
        given().queryParam("receivedFrom", "yesterday")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("receivedFrom"));
        given().queryParam("receivedTo", "2026-13-01T00:00:00Z")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("receivedTo"));
    }

    private static void count(CaseTopics.OpenedCase opened, Map<String, String> filters, int expected) {
        given().queryParam("trackingNumber", opened.trackingNumber())
                .queryParams(filters)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items", hasSize(expected));
    }
}
