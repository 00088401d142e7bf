package cn.jxquality.complaint.status;

import cn.jxquality.complaint.intake.ComplaintKind;
import cn.jxquality.complaint.intake.PublicStatus;
import cn.jxquality.complaint.intake.QueryCodes;
import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.throttle.Throttle;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Opens the public timeline to whoever holds the tracking number and its query code, and nobody else. */
@ApplicationScoped
public class StatusService {

    /**
     * The throttle's wait, the record and its timeline in one round trip: one row per timeline step (one row with
     * nulls when the number is unknown), each carrying the wait and the record's columns.
     */
    static final String LOOKUP = "WITH throttle AS (" + Throttle.WAIT + "),"
            + " found AS (SELECT id, query_code_hash, query_code_key_id, status, tracking_number, kind, department_code, received_at"
            + " FROM complaint WHERE tracking_number = $5)"
            + " SELECT (SELECT wait FROM throttle) AS wait, found.query_code_hash, found.query_code_key_id, found.status, found.tracking_number,"
            + " found.kind, found.department_code, found.received_at,"
            + " step.at, step.status AS step_status, step.note"
            + " FROM (SELECT 1) AS one LEFT JOIN found ON true"
            + " LEFT JOIN status_timeline_entry step ON step.complaint_id = found.id ORDER BY step.at, step.id";

    static final String STEPS =
            "SELECT at, status, note FROM status_timeline_entry WHERE complaint_id = $1 ORDER BY at, id";

    private final QueryCodes queryCodes;
    private final LookupThrottle throttle;
    private final Pool pool;

    StatusService(QueryCodes queryCodes, LookupThrottle throttle, Pool pool) {
        this.queryCodes = queryCodes;
        this.throttle = throttle;
        this.pool = pool;
    }

    /**
     * An unknown number and a wrong code fail the same way, so neither can be probed; each failure counts
     * against the number and the client, and a number or client out of tries gets 429 even with the right code.
     */
    public Uni<PublicTimeline> lookup(StatusLookup lookup, String client) {
        String trackingNumber = lookup.trackingNumber().strip();
        List<Object> parameters = new ArrayList<>(throttle.waitParameters(trackingNumber, client));
        parameters.add(trackingNumber);
        return throttle.oneAtATime(
                trackingNumber,
                () -> pool.preparedQuery(LOOKUP).execute(Tuple.wrap(parameters)).flatMap(rows -> {
                    Row first = rows.iterator().next();
                    throttle.failIfWaiting(first.getLong("wait"));
                    if (first.getString("tracking_number") == null
                            || !queryCodes.matches(
                                    lookup.queryCode(),
                                    first.getString("query_code_key_id"),
                                    first.getBuffer("query_code_hash").getBytes())) {
                        return throttle.recordFailure(trackingNumber, client)
                                .flatMap(counted -> Uni.createFrom()
                                        .failure(ProblemException.notFound(
                                                "No complaint matches this tracking number and query code.")));
                    }
                    return Uni.createFrom().item(timelineOf(first, rows));
                }));
    }

    /** A complaint's public steps, oldest first, for staff (no query code needed, nothing throttled). */
    public Uni<List<PublicTimeline.Step>> steps(UUID complaintId) {
        return pool.preparedQuery(STEPS).execute(Tuple.of(complaintId)).map(rows -> {
            List<PublicTimeline.Step> steps = new ArrayList<>();
            for (Row row : rows) {
                steps.add(new PublicTimeline.Step(
                        row.getOffsetDateTime("at").toInstant(),
                        PublicStatus.valueOf(row.getString("status")),
                        row.getString("note")));
            }
            return steps;
        });
    }

    private static PublicTimeline timelineOf(Row record, RowSet<Row> rows) {
        List<PublicTimeline.Step> steps = new ArrayList<>();
        for (Row row : rows) {
            if (row.getValue("at") != null) {
                steps.add(new PublicTimeline.Step(
                        row.getOffsetDateTime("at").toInstant(),
                        PublicStatus.valueOf(row.getString("step_status")),
                        row.getString("note")));
            }
        }
        return new PublicTimeline(
                record.getString("tracking_number"),
                PublicStatus.valueOf(record.getString("status")),
                steps,
                ComplaintKind.valueOf(record.getString("kind")),
                record.getOffsetDateTime("received_at").toInstant(),
                record.getString("department_code"));
    }
}
