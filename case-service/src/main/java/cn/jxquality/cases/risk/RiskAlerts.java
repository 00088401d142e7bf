package cn.jxquality.cases.risk;

import cn.jxquality.cases.deadline.CaseDeadlines;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Reads the raised risk alerts. An alert is open while its window overlaps the current one, that is while its key
 * cannot alert again; then it is history.
 */
@ApplicationScoped
public class RiskAlerts {

    static final String LIST = """
            SELECT id, scope, value, city_code, window_start, window_end, received, baseline_per_window, raised_at
            FROM risk_alert
            WHERE (window_end > $1) = $2 AND ($3::varchar IS NULL OR city_code = $3::varchar)
            ORDER BY raised_at DESC, id
            LIMIT $4""";

    private final Pool pool;
    private final RiskRule rule;

    RiskAlerts(Pool pool, RiskAlertConfig config) {
        this.pool = pool;
        this.rule = config.rule();
    }

    /** Newest first; {@code cityCode} null for every city. */
    public Uni<List<RiskAlert>> list(boolean open, String cityCode, int limit) {
        Instant currentWindowStart = rule.windowEndingOn(
                        Instant.now().atZone(CaseDeadlines.BEIJING).toLocalDate())
                .windowStart()
                .atStartOfDay(CaseDeadlines.BEIJING)
                .toInstant();
        Tuple arguments = Tuple.tuple()
                .addOffsetDateTime(currentWindowStart.atOffset(ZoneOffset.UTC))
                .addBoolean(open)
                .addString(cityCode)
                .addInteger(limit);
        return pool.preparedQuery(LIST)
                .execute(arguments)
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(RiskAlerts::alert)
                        .toList());
    }

    private static RiskAlert alert(Row row) {
        return RiskAlert.of(
                row.getUUID("id"),
                RiskScope.valueOf(row.getString("scope")),
                row.getString("value"),
                row.getString("city_code"),
                row.getOffsetDateTime("window_start").toInstant(),
                row.getOffsetDateTime("window_end").toInstant(),
                row.getInteger("received"),
                row.getBigDecimal("baseline_per_window").doubleValue(),
                row.getOffsetDateTime("raised_at").toInstant());
    }
}
