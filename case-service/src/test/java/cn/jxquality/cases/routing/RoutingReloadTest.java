package cn.jxquality.cases.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.cases.handling.CaseTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoutingReloadTest {

    @Inject
    Pool pool;

    @Inject
    RoutingDirectory directory;

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void aRuleChangedInTheDatabaseRoutesTheNextCaseAndAReloadRestoresTheSeeds() {
        String category =
                "PRODUCT.T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String ruleId = "T" + UUID.randomUUID().toString().substring(0, 8);
        // as another replica's reload would have left it: a rule this replica has not read yet
        pool.preparedQuery("insert into routing_rule (id, kind, category_prefix, region_prefix, department_code)"
                        + " values ($1, 'ANY', $2, '360102', '360700-AMR')")
                .execute(Tuple.of(ruleId, category))
                .await()
                .indefinitely();
        directory.refresh().await().indefinitely();
        CaseTopics.OpenedCase routed = topics.open("COMPLAINT", category, "360102", "case.assigned.v1");
        assertEquals(
                "360700-AMR",
                topics.awaitEvent(routed.complaintId(), "case.assigned.v1")
                        .get("departmentCode")
                        .asText());

        given().post("/api/v1/routing/reload").then().statusCode(200).body("rules", greaterThan(0));
        long left = pool.preparedQuery("select count(*) from routing_rule where id = $1")
                .execute(Tuple.of(ruleId))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
        assertEquals(0, left, "a rule that is not in the seeds is gone after the reload");
        CaseTopics.OpenedCase after = topics.open("COMPLAINT", category, "360102", "case.assigned.v1");
        assertEquals(
                "360102-AMR",
                topics.awaitEvent(after.complaintId(), "case.assigned.v1")
                        .get("departmentCode")
                        .asText());
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void onlyAdministratorsReload() {
        given().post("/api/v1/routing/reload").then().statusCode(403);
    }

    @Test
    void anonymousCallersDoNotReload() {
        given().post("/api/v1/routing/reload").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    void departmentsDoNotReload() {
        given().post("/api/v1/routing/reload").then().statusCode(403).body("status", equalTo(403));
    }
}
