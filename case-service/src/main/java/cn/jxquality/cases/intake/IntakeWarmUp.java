package cn.jxquality.cases.intake;

import cn.jxquality.platform.warmup.WarmUpPlan;
import jakarta.inject.Singleton;
import java.util.List;

/** Case opening's warm-up: its one statement and the day's counts, prepared on every connection. */
@Singleton
class IntakeWarmUp implements WarmUpPlan {

    @Override
    public List<String> statements() {
        return List.of(CaseOpening.OPEN.sql(), ReceiptCounts.ADD);
    }

    @Override
    public List<Request> requests() {
        // the department API's path up to the token check (the worklist itself needs a department's token)
        return List.of(Request.get("/api/v1/cases?state=ASSIGNED", 401));
    }
}
