package cn.jxquality.cases.warmup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.platform.warmup.WarmUp;
import cn.jxquality.platform.warmup.WarmUpRun;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The warm-up case-service runs on itself before it reports ready: case opening's statements prepare on every
 * connection, the department API answers its token-less request 401, and the worklists are read in process without a
 * failure.
 */
@QuarkusTest
@TestProfile(WarmUpRun.On.class)
class WarmUpTest {

    @Inject
    WarmUp warmUp;

    @Test
    void theServiceWarmsItsPathsBeforeItReportsReady() {
        WarmUp.Report report = WarmUpRun.finished(warmUp, 20);

        assertEquals(2, report.statements(), "case opening and the day's counts");
        assertEquals(4 * WarmUpRun.ROUNDS, report.requests(), "4 lanes × rounds × 1 request");
        assertEquals(4 * WarmUpRun.ROUNDS * 3, report.exercises(), "4 lanes × rounds × 3 exercises");
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("UP"));
    }
}
