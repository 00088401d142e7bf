package cn.jxquality.cases.reward;

import static cn.jxquality.cases.reward.RewardFlow.as;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reporter's identity: reward staff see it through complaint-service, one audit row per view naming the
 * viewer; departments get nothing of rewards and no reporter field on their cases.
 */
@QuarkusTest
@QuarkusTestResource(RewardThirdParties.class)
class ReporterIdentityViewTest {

    private final RewardFlow flow = new RewardFlow();

    @AfterEach
    void close() {
        flow.close();
    }

    @Test
    void rewardStaffSeeTheIdentityAndEveryViewIsAudited() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        UUID id = flow.proposed(report);
        RewardFlow.identity(report);

        as("reviewer1")
                .get("/api/v1/rewards/" + id + "/reporter-identity")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("name", equalTo("李四"))
                .body("idNumber", equalTo("360102199001011234"));
        as("finance1")
                .get("/api/v1/rewards/" + id + "/reporter-identity")
                .then()
                .statusCode(200);

        RewardThirdParties.wireMock()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo("/internal/v1/complaints/" + report.complaintId() + "/identity"))
                                .withHeader("X-Acting-User", WireMock.equalTo(RewardFlow.token("reviewer1"))));
        as("auditor1")
                .get("/api/v1/rewards/" + id + "/identity-views")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].viewer", equalTo("reviewer1"))
                .body("[0].role", equalTo("reward-reviewer"))
                .body("[1].viewer", equalTo("finance1"));
    }

    @Test
    void aDepartmentTokenNeverReceivesReporterFields() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        UUID id = flow.proposed(report);
        RewardFlow.identity(report);
        as("dept-nc-amr")
                .get("/api/v1/rewards/" + id + "/reporter-identity")
                .then()
                .statusCode(403);
        as("dept-nc-amr").get("/api/v1/rewards/" + id).then().statusCode(403);
        as("dept-nc-amr").get("/api/v1/rewards").then().statusCode(403);
        String caseJson = as("dept-nc-amr")
                .get("/api/v1/cases/" + report.caseId())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String field : new String[] {"李四", "360102199001011234", "13912345678", "idNumber", "mobile", "reward"}) {
            org.hamcrest.MatcherAssert.assertThat(caseJson, not(containsString(field)));
        }
        as("auditor1").get("/api/v1/rewards/" + id + "/identity-views").then().body("$", hasSize(0));
    }
}
