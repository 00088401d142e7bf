package cn.jxquality.cases.reward;

import static cn.jxquality.cases.deadline.DeadlineRecount.batch;
import static cn.jxquality.cases.deadline.DeadlineRecount.startOf;
import static cn.jxquality.cases.scan.DueRows.at;

import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.cases.outbox.CaseTopics;
import cn.jxquality.platform.calendar.WorkingDayCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reward claim windows when a year's official calendar is loaded, in the loader's transaction: a window of 30 working
 * days counted on the provisional year is counted again, from the day the reporter was told, on the official one.
 * A window only ever grows: the reporter was told a last day and may rely on it, so an official calendar with fewer
 * days off than estimated leaves the window as told, and one with more gives the days back. A window that grows gets
 * its new last day, a public note saying so, a new version, an entry in the reward's trail and a new
 * {@code reward.notified.v1}, so the reporter's status page and an SMS tell the new day.
 */
@ApplicationScoped
public class ClaimWindowRecount {

    static final String TAKE = """
            SELECT id, case_id, complaint_id, tracking_number, level, amount_fen, notified_at, claim_by
            FROM reward WHERE state = 'NOTIFIED' AND claim_deadline >= $1 AND notified_at < $2
            ORDER BY claim_by
            FOR UPDATE""";
    static final String MOVE = """
            UPDATE reward SET claim_deadline = $2, claim_by = $3, public_note = $4, version = version + 1
            WHERE id = $1""";
    static final String TRAIL = """
            INSERT INTO reward_event (reward_id, type, from_state, to_state, actor, actor_role, at, note)
            VALUES ($1, 'reward.claim-window-moved', 'NOTIFIED', 'NOTIFIED', 'system', 'system', $2, $3)""";
    static final String ANNOUNCE = """
            INSERT INTO outbox_event (id, topic, aggregate_id, type, subject, payload, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)""";

    private final ObjectMapper json;

    ClaimWindowRecount(ObjectMapper json) {
        this.json = json;
    }

    /** Recounts on {@code after} the windows counted on {@code before}, which differ in {@code year}; how many grew. */
    public Uni<Integer> recount(
            SqlConnection tx, WorkingDayCalendar before, WorkingDayCalendar after, int year, Instant now) {
        return tx.preparedQuery(TAKE)
                .execute(Tuple.of(LocalDate.of(year, 1, 1), at(startOf(year + 1))))
                .flatMap(rows -> {
                    List<Tuple> moves = new ArrayList<>();
                    List<Tuple> trail = new ArrayList<>();
                    List<Tuple> notices = new ArrayList<>();
                    for (Row row : rows) {
                        Instant notifiedAt =
                                row.getOffsetDateTime("notified_at").toInstant();
                        Instant claimBy = row.getOffsetDateTime("claim_by").toInstant();
                        Instant recounted = CaseDeadlines.recount(notifiedAt, claimBy, before, after)
                                .due();
                        if (!recounted.isAfter(claimBy)) {
                            continue; // never shorter than the reporter was told
                        }
                        LocalDate told = CaseDeadlines.day(claimBy);
                        LocalDate last = CaseDeadlines.day(recounted);
                        String amount = RewardDecisions.yuan(row.getLong("amount_fen"));
                        String note = "举报奖励 " + amount + "，请于 " + last + " 前凭受理编号和查询码申领（" + year
                                + " 年节假日安排公布，期限由 " + told + " 延至 " + last + "）Claim your reward of " + amount
                                + " by " + last + " with your tracking number and query code on the reward claim page"
                                + " (extended from " + told + ": the official " + year + " calendar was published)";
                        UUID id = row.getUUID("id");
                        moves.add(Tuple.of(id, last, at(recounted), note));
                        trail.add(Tuple.of(
                                id,
                                at(now),
                                "Claim window moved from " + told + " to " + last + ": the" + " official " + year
                                        + " calendar was loaded"));
                        notices.add(notice(row, recounted, note, now));
                    }
                    return batch(tx, MOVE, moves)
                            .flatMap(v -> batch(tx, TRAIL, trail))
                            .flatMap(v -> batch(tx, ANNOUNCE, notices))
                            .replaceWith(moves.size());
                });
    }

    /** The reward's {@code reward.notified.v1} again, with its new last day and note. */
    private Tuple notice(Row row, Instant claimBy, String note, Instant now) {
        RewardChanged data = new RewardChanged(
                row.getUUID("id"),
                row.getUUID("case_id"),
                row.getUUID("complaint_id"),
                row.getString("tracking_number"),
                RewardState.NOTIFIED,
                (int) row.getShort("level"),
                row.getLong("amount_fen"),
                claimBy,
                now,
                note);
        try {
            return Tuple.from(List.of(
                    UUID.randomUUID(),
                    CaseTopics.REWARD_EVENTS,
                    data.complaintId(),
                    RewardChanged.typeOf(RewardState.NOTIFIED),
                    data.trackingNumber(),
                    json.writeValueAsString(data),
                    at(now)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reward.notified data is not serialisable", e);
        }
    }
}
