package cn.jxquality.complaint.intake;

import cn.jxquality.platform.warmup.WarmUpPlan;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Intake's warm-up: the record's insert on every connection, and a whole hotline complaint sent without an operator's
 * token, so the body is read and checked as a real one is and refused (401) before anything is stored; a web complaint
 * with every field wrong warms the problem details (400). Nobody's data: the name and number are placeholders.
 */
@Singleton
class IntakeWarmUp implements WarmUpPlan {

    private static final String HOTLINE = """
            {"kind":"COMPLAINT","channel":"HOTLINE_12315","category":"SERVICE.CATERING",
             "subject":{"name":"预热示例餐饮店","address":"南昌市红谷滩区丰和中大道1号","regionCode":"360100"},
             "occurredOn":"2026-01-05","productOrService":"套餐","amountFen":128000,
             "description":"预热请求，不会被登记。","remedy":"REFUND",
             "consents":{"publish":false,"entrustedMediation":true},
             "person":{"name":"预热","mobile":"13800000000"},"anonymous":false,"rewardRequested":false}""";

    private static final String WRONG = """
            {"kind":"SOMETHING","channel":"WEB","category":"","subject":{"regionCode":"x"},"description":"",
             "person":{"mobile":"1"},"amountFen":-1}""";

    @Override
    public List<String> statements() {
        return List.of(RecordWriter.INSERT.sql());
    }

    @Override
    public List<Request> requests() {
        return List.of(
                Request.postJson("/api/v1/complaints", HOTLINE, 401),
                Request.postJson("/api/v1/complaints", WRONG, 400),
                Request.get("/", 200));
    }
}
