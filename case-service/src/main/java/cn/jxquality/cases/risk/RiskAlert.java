package cn.jxquality.cases.risk;

import java.time.Instant;
import java.util.UUID;

/**
 * A risk alert as published ({@code case.risk-alert.v1}, schema in {@code events/}) and listed for supervisors:
 * {@code count} cases received in the window against a mean of {@code baselinePerWindow} in the windows before it.
 * {@code creditCode} is set for an ENTERPRISE alert, {@code category} for a CATEGORY alert. No personal data.
 */
public record RiskAlert(
        UUID alertId,
        RiskScope scope,
        String creditCode,
        String category,
        String cityCode,
        Instant windowStart,
        Instant windowEnd,
        int count,
        double baselinePerWindow,
        Instant occurredAt) {

    public static final String TYPE = "case.risk-alert.v1";

    static RiskAlert of(
            UUID id,
            RiskScope scope,
            String value,
            String cityCode,
            Instant start,
            Instant end,
            int count,
            double baseline,
            Instant at) {
        return new RiskAlert(
                id,
                scope,
                scope == RiskScope.ENTERPRISE ? value : null,
                scope == RiskScope.CATEGORY ? value : null,
                cityCode,
                start,
                end,
                count,
                baseline,
                at);
    }

    /** The Kafka key, {@code <cityCode>:<scope>:<value>}, so one key's alerts stay in order. */
    static String key(String cityCode, RiskScope scope, String value) {
        return cityCode + ":" + scope + ":" + value;
    }
}
