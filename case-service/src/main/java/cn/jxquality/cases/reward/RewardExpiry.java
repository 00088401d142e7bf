package cn.jxquality.cases.reward;

import static cn.jxquality.cases.scan.DueRows.at;

import cn.jxquality.cases.outbox.CaseTopics;
import cn.jxquality.cases.scan.DueRows;
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
import java.util.UUID;

/**
 * Expires notified rewards whose claim window (30 working days on the seeded calendar) has ended unclaimed.
 * Due rewards are taken with {@code FOR UPDATE SKIP LOCKED} and changed in the transaction that writes the audit
 * entry and the {@code reward.expired.v1} outbox row, so replicas never expire one twice.
 */
@ApplicationScoped
public class RewardExpiry {

    static final String TAKE_DUE = """
            SELECT id, case_id, complaint_id, tracking_number, level, amount_fen, claim_by, claim_deadline
            FROM reward WHERE state = 'NOTIFIED' AND claim_by < $1
            ORDER BY claim_by LIMIT $2 FOR UPDATE SKIP LOCKED""";
    static final String EXPIRE = """
            UPDATE reward SET state = 'EXPIRED', expired_at = $2, public_note = $3, version = version + 1
            WHERE id = $1""";
    static final String AUDIT = """
            INSERT INTO reward_event (reward_id, type, from_state, to_state, actor, actor_role, at, note)
            VALUES ($1, 'reward.expired', 'NOTIFIED', 'EXPIRED', 'system', 'system', $2, $3)""";
    static final String APPEND_OUTBOX = """
            INSERT INTO outbox_event (id, topic, aggregate_id, type, subject, payload, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)""";

    private final Pool pool;
    private final ObjectMapper json;
    private final int batchSize;

    RewardExpiry(Pool pool, ObjectMapper json, RewardsConfig config) {
        this.pool = pool;
        this.json = json;
        this.batchSize = config.expiryBatchSize();
    }

    @Scheduled(
            identity = "reward-expiry",
            every = "${rewards.expiry-scan-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledScan() {
        return expireDue(Instant.now())
                .invoke(expired -> {
                    if (expired > 0) {
                        Log.infof("Reward expiry: %d unclaimed reward(s) expired", expired);
                    }
                })
                .replaceWithVoid();
    }

    /** Expires, batch after batch, every reward whose claim window ended before {@code now}; yields how many. */
    public Uni<Integer> expireDue(Instant now) {
        return DueRows.untilDrained(() -> expireBatch(now), batchSize);
    }

    private Uni<Integer> expireBatch(Instant now) {
        return DueRows.inOneTransaction(
                pool, TAKE_DUE, Tuple.of(at(now), batchSize), (conn, row) -> expire(conn, row, now));
    }

    private Uni<Void> expire(SqlConnection conn, Row row, Instant now) {
        UUID id = row.getUUID("id");
        String note = "奖励申领期限已过 The claim window closed on " + row.getLocalDate("claim_deadline")
                + "; the reward was not claimed";
        RewardChanged expired = new RewardChanged(
                id,
                row.getUUID("case_id"),
                row.getUUID("complaint_id"),
                row.getString("tracking_number"),
                RewardState.EXPIRED,
                (int) row.getShort("level"),
                row.getLong("amount_fen"),
                row.getOffsetDateTime("claim_by").toInstant(),
                now,
                note);
        Tuple outbox = Tuple.of(
                        UUID.randomUUID(),
                        CaseTopics.REWARD_EVENTS,
                        expired.complaintId(),
                        RewardChanged.typeOf(RewardState.EXPIRED),
                        expired.trackingNumber(),
                        toJson(expired))
                .addOffsetDateTime(at(now));
        return conn.preparedQuery(EXPIRE)
                .execute(Tuple.of(id, at(now), note))
                .flatMap(r -> conn.preparedQuery(AUDIT).execute(Tuple.of(id, at(now), note)))
                .flatMap(r -> conn.preparedQuery(APPEND_OUTBOX).execute(outbox))
                .replaceWithVoid();
    }

    private String toJson(RewardChanged data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reward event not serialisable", e);
        }
    }
}
