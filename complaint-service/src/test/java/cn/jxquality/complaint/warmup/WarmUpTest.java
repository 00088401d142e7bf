package cn.jxquality.complaint.warmup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Db;
import cn.jxquality.platform.warmup.WarmUp;
import cn.jxquality.platform.warmup.WarmUpRun;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The warm-up complaint-service runs on itself before it reports ready: its statements prepare on every pooled
 * connection, every request gets the answer its plan expects (a hotline complaint without a token 401, so it warmed
 * the whole body's reading and checking), and nothing is stored.
 */
@QuarkusTest
@TestProfile(WarmUpRun.On.class)
class WarmUpTest {

    @Inject
    WarmUp warmUp;

    @Inject
    Pool pool;

    @Test
    void theServiceWarmsItsPathsBeforeItReportsReadyAndStoresNothing() {
        WarmUp.Report report = WarmUpRun.finished(warmUp, 20);

        assertEquals(4, report.statements(), "the record's insert, the look-up, its steps, the timeline's statement");
        assertEquals(4 * WarmUpRun.ROUNDS * 4, report.requests(), "4 lanes × rounds × 4 requests");
        assertEquals(
                0L,
                Db.row(pool, "select count(*) as n from complaint where subject_name = '预热示例餐饮店'")
                        .getLong("n"),
                "the warm-up's complaint was refused, not stored");
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("UP"));
    }
}
