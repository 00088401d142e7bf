package cn.jxquality.complaint.odr;

import cn.jxquality.complaint.intake.Complaint;
import cn.jxquality.complaint.intake.ComplaintReceived;
import cn.jxquality.complaint.intake.PublicStatus;
import cn.jxquality.platform.outbox.OutboxRelay;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

/**
 * The steps of ODR after intake, each one transaction that moves the referral only from the state it expects (so two
 * replicas, or a scan racing an answer, never take the same step twice), adds its public step and writes its event
 * to the outbox: the enterprise's answer; the citizen's, or their silence; the enterprise's silence. A referral that
 * ends without a settlement publishes {@code complaint.received.v1} with the ODR summary, and case-service opens the
 * department's case from it, its deadlines starting then.
 */
@ApplicationScoped
public class OdrSteps {

    static final String BY_NUMBER = "SELECT " + OdrReferral.COLUMNS
            + " FROM odr_referral r JOIN complaint c ON c.id = r.complaint_id WHERE c.tracking_number = $1";

    static final String BY_ID = "SELECT " + OdrReferral.COLUMNS
            + " FROM odr_referral r JOIN complaint c ON c.id = r.complaint_id WHERE r.complaint_id = $1";

    /** The enterprise's answer, while it is still its turn and in time. */
    static final String RESPOND = """
            UPDATE odr_referral SET state = $2, responded_at = $3, responded_by = $4, agreement = $5, reason = $6,
                answer_by = $7, ended_at = $8, version = version + 1
            WHERE complaint_id = $1 AND state = 'WITH_ENTERPRISE' AND due_at > $3""";

    /** The citizen's answer to a settlement ($5 false: their silence, which only counts once the time is up). */
    static final String ANSWER = """
            UPDATE odr_referral SET state = $2, answered_at = $3, answered_by_citizen = $5, citizen_comment = $4,
                ended_at = $3, version = version + 1
            WHERE complaint_id = $1 AND state = 'SETTLED' AND ($5 OR answer_by <= $3)""";

    /** The enterprise let its time run out. */
    static final String LAPSE = """
            UPDATE odr_referral SET state = 'LAPSED', ended_at = $2, version = version + 1
            WHERE complaint_id = $1 AND state = 'WITH_ENTERPRISE' AND due_at <= $2""";

    /** A public step; $3 null keeps the complaint's status. */
    static final String STEP = """
            WITH moved AS (
                UPDATE complaint SET status = coalesce($3, status), updated_at = $2, version = version + 1
                WHERE id = $1 RETURNING id, status, language)
            INSERT INTO status_timeline_entry (complaint_id, at, status, note)
            SELECT id, $2, status, CASE WHEN language = 'en' THEN $5 ELSE $4 END FROM moved""";

    static final String EVENT = "INSERT INTO outbox_event (id, aggregate_id, type, subject, payload, created_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6)";

    private final Pool pool;
    private final OdrClock clock;
    private final ObjectMapper json;
    private final OutboxRelay relay;

    OdrSteps(Pool pool, OdrClock clock, ObjectMapper json, OutboxRelay relay) {
        this.pool = pool;
        this.clock = clock;
        this.json = json;
        this.relay = relay;
    }

    /** The referral of the complaint with this tracking number, or null. */
    Uni<OdrReferral> byNumber(String trackingNumber) {
        return pool.preparedQuery(BY_NUMBER)
                .execute(Tuple.of(trackingNumber))
                .map(rows ->
                        rows.size() == 0 ? null : OdrReferral.of(rows.iterator().next()));
    }

    /**
     * The enterprise's outcome: a settlement waits for the citizen; no settlement sends the complaint to the
     * department at once. 409 once answered or past its time (then the scan sends it on as lapsed).
     */
    Uni<OdrReferral> respond(OdrReferral referral, boolean settled, String text, String actor) {
        Instant now = now();
        Instant answerBy = settled ? clock.citizenDue(now) : null;
        OdrState state = settled ? OdrState.SETTLED : OdrState.NOT_SETTLED;
        Uni<ComplaintReceived.Odr> summary = settled
                ? Uni.createFrom().nullItem()
                : Uni.createFrom().item(summary(referral, now, now, OdrState.NOT_SETTLED));
        return summary.flatMap(odr -> complaintFor(odr, referral))
                .flatMap(received -> pool.withTransaction(sql -> sql.preparedQuery(RESPOND)
                        .execute(Tuple.from(Arrays.asList(
                                referral.complaintId(),
                                state.name(),
                                at(now),
                                actor,
                                settled ? text : null,
                                settled ? null : text,
                                at(answerBy),
                                settled ? null : at(now))))
                        .flatMap(rows -> {
                            if (rows.rowCount() == 0) {
                                return Uni.createFrom().failure(notYours(referral, now));
                            }
                            OdrNotes note = settled
                                    ? OdrNotes.settled(referral.enterpriseName(), answerBy)
                                    : OdrNotes.notSettled(referral.enterpriseName());
                            return step(
                                            sql,
                                            referral.complaintId(),
                                            now,
                                            settled ? PublicStatus.IN_PROGRESS : null,
                                            note)
                                    .call(() -> event(
                                            sql,
                                            referral,
                                            OdrEvents.EnterpriseResponded.TYPE,
                                            new OdrEvents.EnterpriseResponded(
                                                    referral.complaintId(),
                                                    referral.trackingNumber(),
                                                    referral.enterpriseCreditCode(),
                                                    settled,
                                                    now,
                                                    referral.dueAt(),
                                                    true,
                                                    answerBy)))
                                    .call(() -> received == null
                                            ? Uni.createFrom().voidItem()
                                            : event(sql, referral, ComplaintReceived.TYPE, received));
                        })))
                .invoke(relay::wake)
                .invoke(() -> Log.infof(
                        "ODR %s: enterprise %s answered %s",
                        referral.trackingNumber(), referral.enterpriseCreditCode(), state))
                .replaceWith(() -> referral);
    }

    /** The citizen confirms (accepted) or disputes the settlement; a dispute sends it to the department. */
    Uni<Void> answer(OdrReferral referral, boolean accepted, String comment) {
        return settle(referral, accepted, true, comment, now());
    }

    /** The citizen's time to answer is up: the settlement stands. False when someone else took the step first. */
    Uni<Boolean> settlementStands(OdrReferral referral, Instant now) {
        return settle(referral, true, false, null, now)
                .replaceWith(true)
                .onFailure(ProblemException.class)
                .recoverWithItem(false);
    }

    private Uni<Void> settle(OdrReferral referral, boolean accepted, boolean byCitizen, String comment, Instant now) {
        OdrState state = accepted ? OdrState.CONFIRMED : OdrState.DISPUTED;
        Uni<ComplaintReceived> received = accepted
                ? Uni.createFrom().nullItem()
                : complaintFor(summary(referral, referral.respondedAt(), now, OdrState.DISPUTED), referral);
        return received.flatMap(event -> pool.withTransaction(sql -> sql.preparedQuery(ANSWER)
                        .execute(Tuple.from(
                                Arrays.asList(referral.complaintId(), state.name(), at(now), comment, byCitizen)))
                        .flatMap(rows -> {
                            if (rows.rowCount() == 0) {
                                return Uni.createFrom()
                                        .failure(new ProblemException(Problem.of(
                                                "odr-no-settlement",
                                                "No settlement to answer",
                                                409,
                                                "This complaint has no settlement waiting for your answer.")));
                            }
                            OdrNotes note = accepted
                                    ? (byCitizen ? OdrNotes.confirmed() : OdrNotes.stood(referral.answerBy()))
                                    : OdrNotes.disputed();
                            return step(sql, referral.complaintId(), now, accepted ? PublicStatus.CLOSED : null, note)
                                    .call(() -> event(
                                            sql,
                                            referral,
                                            OdrEvents.SettlementAnswered.TYPE,
                                            new OdrEvents.SettlementAnswered(
                                                    referral.complaintId(),
                                                    referral.trackingNumber(),
                                                    referral.enterpriseCreditCode(),
                                                    accepted,
                                                    byCitizen,
                                                    now)))
                                    .call(() -> event == null
                                            ? Uni.createFrom().voidItem()
                                            : event(sql, referral, ComplaintReceived.TYPE, event));
                        })))
                .invoke(relay::wake)
                .invoke(() -> Log.infof(
                        "ODR %s: settlement %s%s",
                        referral.trackingNumber(), state, byCitizen ? " by the citizen" : " (not disputed in time)"))
                .replaceWithVoid();
    }

    /** The enterprise did not answer in time: the department takes the complaint. False when already moved on. */
    Uni<Boolean> lapse(OdrReferral referral, Instant now) {
        return complaintFor(summary(referral, null, now, OdrState.LAPSED), referral)
                .flatMap(received -> pool.withTransaction(sql -> sql.preparedQuery(LAPSE)
                        .execute(Tuple.of(referral.complaintId(), at(now)))
                        .flatMap(rows -> rows.rowCount() == 0
                                ? Uni.createFrom().item(false)
                                : step(
                                                sql,
                                                referral.complaintId(),
                                                now,
                                                null,
                                                OdrNotes.lapsed(referral.enterpriseName()))
                                        .call(() -> event(sql, referral, ComplaintReceived.TYPE, received))
                                        .replaceWith(true))))
                .invoke(lapsed -> {
                    if (lapsed) {
                        relay.wake();
                        Log.infof(
                                "ODR %s: enterprise %s let it lapse; sent to the department",
                                referral.trackingNumber(), referral.enterpriseCreditCode());
                    }
                });
    }

    private static ComplaintReceived.Odr summary(
            OdrReferral referral, Instant respondedAt, Instant endedAt, OdrState ending) {
        return new ComplaintReceived.Odr(
                referral.enterpriseCreditCode(),
                referral.enterpriseName(),
                referral.sentAt(),
                referral.dueAt(),
                respondedAt,
                endedAt,
                ending.name());
    }

    /** The {@code complaint.received.v1} that hands the complaint to the department, or null without a summary. */
    private Uni<ComplaintReceived> complaintFor(ComplaintReceived.Odr odr, OdrReferral referral) {
        if (odr == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> Complaint.<Complaint>findById(referral.complaintId()))
                .map(complaint -> ComplaintReceived.afterOdr(complaint, odr));
    }

    private static Uni<Void> step(SqlClient sql, UUID complaintId, Instant at, PublicStatus status, OdrNotes note) {
        return sql.preparedQuery(STEP)
                .execute(Tuple.from(Arrays.asList(
                        complaintId, at(at), status == null ? null : status.name(), note.zh(), note.en())))
                .replaceWithVoid();
    }

    private Uni<Void> event(SqlClient sql, OdrReferral referral, String type, Object data) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return sql.preparedQuery(EVENT)
                .execute(Tuple.from(Arrays.asList(
                        UUID.randomUUID(),
                        referral.complaintId(),
                        type,
                        referral.trackingNumber(),
                        payload,
                        at(Instant.now()))))
                .replaceWithVoid();
    }

    private static ProblemException notYours(OdrReferral referral, Instant now) {
        if (referral.state() == OdrState.WITH_ENTERPRISE && !now.isBefore(referral.dueAt())) {
            return new ProblemException(Problem.of(
                    "odr-time-limit-passed",
                    "The time to answer has passed",
                    409,
                    "The 10 working days ended on " + OdrClock.lastDay(referral.dueAt())
                            + "; the complaint goes to the market regulator."));
        }
        return new ProblemException(Problem.of(
                "odr-already-answered", "Already answered", 409, "This complaint's outcome is already recorded."));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
