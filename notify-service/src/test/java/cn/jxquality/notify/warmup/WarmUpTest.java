package cn.jxquality.notify.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.platform.warmup.WarmUp;
import cn.jxquality.platform.warmup.WarmUpRun;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The warm-up notify-service runs on itself before it reports ready: its statements on every pooled connection. */
@QuarkusTest
@TestProfile(WarmUpRun.On.class)
class WarmUpTest {

    @Inject
    WarmUp warmUp;

    @Test
    void theServicePreparesItsStatementsBeforeItReportsReady() {
        WarmUp.Report report = WarmUpRun.finished(warmUp, 20);

        assertEquals(4, report.statements(), "recording, the lease, the sent marks, the address cap");
        assertEquals(0, report.requests());
    }
}
