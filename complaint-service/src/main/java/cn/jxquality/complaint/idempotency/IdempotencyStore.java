package cn.jxquality.complaint.idempotency;

import cn.jxquality.complaint.personal.BlindIndex;
import cn.jxquality.complaint.personal.PersonalDataCipher;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.UUID;

/**
 * Claims an idempotency key inside the caller's transaction. The unique (caller, key) constraint makes a
 * concurrent retry wait for the first transaction: it then finds the committed row and replays its answer,
 * or claims the key itself when the first rolled back. The answer is sealed: it holds query codes. Keys are
 * kept for {@code intake.idempotency-retention} (a day by default); a retry after that registers anew.
 */
@ApplicationScoped
public class IdempotencyStore {

    static final String CLAIM = "INSERT INTO idempotency_record (id, caller, idempotency_key, request_fingerprint,"
            + " created_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT (caller, idempotency_key) DO NOTHING";
    static final String FIND = "SELECT id, request_fingerprint, response_ciphertext, response_key_id"
            + " FROM idempotency_record WHERE caller = $1 AND idempotency_key = $2";
    static final String COMPLETE =
            "UPDATE idempotency_record SET response_ciphertext = $1, response_key_id = $2 WHERE id = $3";

    static final String PURGE = "DELETE FROM idempotency_record WHERE created_at < now() - make_interval(secs => $1)";

    private final PersonalDataCipher cipher;
    private final BlindIndex blindIndex;
    private final Pool pool;
    private final Duration retention;

    IdempotencyStore(PersonalDataCipher cipher, BlindIndex blindIndex, Pool pool, IdempotencyConfig config) {
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.pool = pool;
        this.retention = config.idempotencyRetention();
    }

    /**
     * A fresh claim (replay empty) or the first answer; a different request under the key is a 422. Runs on the
     * connection of the caller's transaction.
     */
    public Uni<Claim> claim(SqlConnection sql, String caller, IdempotencyKey key, String canonicalRequest) {
        UUID id = UUID.randomUUID();
        byte[] fingerprint = blindIndex.of("idempotency-request", canonicalRequest);
        return sql.preparedQuery(CLAIM)
                .execute(Tuple.of(id, caller, key.value(), Buffer.buffer(fingerprint)))
                .flatMap(inserted -> inserted.rowCount() == 1
                        ? Uni.createFrom().item(new Claim(id, null))
                        : replay(sql, caller, key, canonicalRequest));
    }

    /** Stores the answer under a fresh claim, in the transaction that produced it. */
    public Uni<Void> complete(SqlConnection sql, Claim claim, byte[] answer) {
        PersonalDataCipher.Sealed sealed = cipher.seal(answer, claim.id());
        return sql.preparedQuery(COMPLETE)
                .execute(Tuple.of(Buffer.buffer(sealed.ciphertext()), sealed.keyId(), claim.id()))
                .replaceWithVoid();
    }

    private Uni<Claim> replay(SqlConnection sql, String caller, IdempotencyKey key, String canonicalRequest) {
        return sql.preparedQuery(FIND).execute(Tuple.of(caller, key.value())).map(rows -> {
            Row row = rows.iterator().next();
            byte[] stored = row.getBuffer("request_fingerprint").getBytes();
            // under every key: a retry that straddles a rotation of the blind-index key is still the same request
            if (blindIndex.underEveryKey("idempotency-request", canonicalRequest).stream()
                    .noneMatch(fingerprint -> MessageDigest.isEqual(fingerprint, stored))) {
                throw new ProblemException(Problem.of(
                        "idempotency-key-reused",
                        "Idempotency key reused",
                        422,
                        "This Idempotency-Key was used with a different request."));
            }
            UUID id = row.getUUID("id");
            byte[] answer = cipher.open(
                    new PersonalDataCipher.Sealed(
                            row.getString("response_key_id"),
                            row.getBuffer("response_ciphertext").getBytes()),
                    id);
            return new Claim(id, answer);
        });
    }

    /** Forgets keys older than the retention, so stored answers (sealed query codes) do not pile up. */
    @Scheduled(identity = "idempotency-purge", every = "10m", delayed = "2m")
    Uni<Void> purge() {
        return pool.preparedQuery(PURGE)
                .execute(Tuple.of((double) retention.toSeconds()))
                .onFailure()
                .invoke(e -> Log.warnf("Purging old idempotency keys failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** A claimed key: {@code replay} is the first answer when the key was used before, else null. */
    public record Claim(UUID id, byte[] replay) {

        public boolean isReplay() {
            return replay != null;
        }
    }
}
