package cn.jxquality.cases.risk;

import cn.jxquality.cases.deadline.CaseDeadlines;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Compares each city × enterprise and city × category's cases of the current window with its own baseline
 * ({@link RiskRule}, reading the daily counts of {@code stats_city_daily}) and raises {@code case.risk-alert.v1}
 * where they rose far above it. A key that alerted is quiet while that alert's window overlaps the current one, so
 * it alerts at most once per window. One replica scans at a time (a transaction-scoped advisory lock; the others
 * skip), and the alert row, unique per key and window, is written with its outbox row in the same transaction.
 */
@ApplicationScoped
public class RiskAlertScan {

    static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('case-service:risk-alert-scan'))";
    static final String CANDIDATES = """
            SELECT scope, value, city_code,
                   sum(received) FILTER (WHERE day >= $2) AS window_count,
                   coalesce(sum(received) FILTER (WHERE day < $2), 0) AS baseline_count
            FROM stats_city_daily
            WHERE day BETWEEN $1 AND $3
            GROUP BY scope, value, city_code
            HAVING sum(received) FILTER (WHERE day >= $2) >= $4""";
    static final String RAISE = """
            INSERT INTO risk_alert (id, scope, value, city_code, window_start, window_end, received,
                                    baseline_per_window, raised_at)
            SELECT $1::uuid, $2::varchar, $3::varchar, $4::varchar, $5::timestamptz, $6::timestamptz, $7::integer,
                   $8::numeric, $9::timestamptz
            WHERE NOT EXISTS (SELECT 1 FROM risk_alert
                              WHERE scope = $2::varchar AND value = $3::varchar AND city_code = $4::varchar
                                AND window_end > $5::timestamptz)
            ON CONFLICT DO NOTHING""";
    static final String APPEND_OUTBOX = """
            INSERT INTO outbox_event (id, aggregate_id, record_key, type, subject, payload, created_at)
            VALUES ($1, $2, $3, $4, NULL, $5, $6)""";

    private final Pool pool;
    private final ObjectMapper json;
    private final RiskRule rule;

    RiskAlertScan(Pool pool, ObjectMapper json, RiskAlertConfig config) {
        this(pool, json, config.rule());
    }

    RiskAlertScan(Pool pool, ObjectMapper json, RiskRule rule) {
        this.pool = pool;
        this.json = json;
        this.rule = rule;
    }

    @Scheduled(
            identity = "risk-alert-scan",
            every = "${risk-alerts.scan-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledScan() {
        return scan().invoke(raised -> {
                    if (raised > 0) {
                        Log.infof("Risk alert scan: %d alert(s) raised", raised);
                    }
                })
                .replaceWithVoid();
    }

    /** One scan in one transaction; yields how many alerts it raised (0 when another replica is scanning). */
    public Uni<Integer> scan() {
        Instant now = Instant.now();
        RiskRule.RiskWindow window =
                rule.windowEndingOn(now.atZone(CaseDeadlines.BEIJING).toLocalDate());
        return pool.withTransaction(conn -> conn.preparedQuery(LOCK).execute().flatMap(locked -> {
            if (!locked.iterator().next().getBoolean(0)) {
                return Uni.createFrom().item(0);
            }
            return conn.preparedQuery(CANDIDATES)
                    .execute(Tuple.of(window.baselineStart(), window.windowStart(), window.lastDay(), rule.minCount()))
                    .flatMap(rows -> raiseAll(
                            conn,
                            StreamSupport.stream(rows.spliterator(), false).toList(),
                            window,
                            now));
        }));
    }

    private Uni<Integer> raiseAll(SqlConnection conn, List<Row> candidates, RiskRule.RiskWindow window, Instant now) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (Row row : candidates) {
            long count = row.getLong("window_count");
            double baseline = rule.baselinePerWindow(row.getLong("baseline_count"));
            if (rule.alerts(count, baseline)) {
                RiskAlert alert = RiskAlert.of(
                        UUID.randomUUID(),
                        RiskScope.valueOf(row.getString("scope")),
                        row.getString("value"),
                        row.getString("city_code"),
                        startOf(window.windowStart()),
                        startOf(window.lastDay().plusDays(1)),
                        (int) count,
                        Math.round(baseline * 1000) / 1000.0,
                        now);
                chain = chain.flatMap(
                        raised -> raise(conn, alert, row.getString("value")).map(r -> raised + r));
            }
        }
        return chain;
    }

    /** Records the alert unless the key already alerted in an overlapping window; yields 1 when it did. */
    private Uni<Integer> raise(SqlConnection conn, RiskAlert alert, String value) {
        Tuple row = Tuple.tuple()
                .addUUID(alert.alertId())
                .addString(alert.scope().name())
                .addString(value)
                .addString(alert.cityCode())
                .addOffsetDateTime(at(alert.windowStart()))
                .addOffsetDateTime(at(alert.windowEnd()))
                .addInteger(alert.count())
                .addDouble(alert.baselinePerWindow())
                .addOffsetDateTime(at(alert.occurredAt()));
        Tuple outbox = Tuple.of(
                UUID.randomUUID(),
                alert.alertId(),
                RiskAlert.key(alert.cityCode(), alert.scope(), value),
                RiskAlert.TYPE,
                toJson(alert),
                at(alert.occurredAt()));
        return conn.preparedQuery(RAISE)
                .execute(row)
                .flatMap(inserted -> inserted.rowCount() == 0
                        ? Uni.createFrom().item(0)
                        : conn.preparedQuery(APPEND_OUTBOX).execute(outbox).replaceWith(1));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(CaseDeadlines.BEIJING).toInstant();
    }

    private String toJson(RiskAlert alert) {
        try {
            return json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk alert not serialisable", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
