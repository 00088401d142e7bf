package cn.jxquality.complaint.idempotency;

import cn.jxquality.complaint.personal.BlindIndex;
import cn.jxquality.complaint.personal.PersonalDataCipher;
import cn.jxquality.complaint.problem.Problem;
import cn.jxquality.complaint.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Claims an idempotency key inside the caller's transaction. The unique (caller, key) constraint makes a
 * concurrent retry wait for the first transaction: it then finds the committed row and replays its answer,
 * or claims the key itself when the first rolled back. The answer is sealed: it holds query codes. Keys are
 * kept for {@code intake.idempotency-retention} (a day by default); a retry after that registers anew.
 */
@ApplicationScoped
public class IdempotencyStore {

    static final String CLAIM = "insert into idempotency_record (id, caller, idempotency_key, request_fingerprint,"
            + " created_at) values (:id, :caller, :key, :fingerprint, now())"
            + " on conflict (caller, idempotency_key) do nothing";
    static final String FIND = "select id, request_fingerprint, response_ciphertext, response_key_id"
            + " from idempotency_record where caller = :caller and idempotency_key = :key";
    static final String COMPLETE =
            "update idempotency_record set response_ciphertext = :ciphertext, response_key_id = :keyId where id = :id";

    static final String PURGE = "DELETE FROM idempotency_record WHERE created_at < now() - make_interval(secs => $1)";

    private final PersonalDataCipher cipher;
    private final BlindIndex blindIndex;
    private final Pool pool;
    private final Duration retention;

    IdempotencyStore(
            PersonalDataCipher cipher,
            BlindIndex blindIndex,
            Pool pool,
            @ConfigProperty(name = "intake.idempotency-retention", defaultValue = "P1D") Duration retention) {
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.pool = pool;
        this.retention = retention;
    }

    /** A fresh claim (replay empty) or the first answer; a different request under the key is a 422. */
    public Uni<Claim> claim(String caller, IdempotencyKey key, String canonicalRequest) {
        UUID id = UUID.randomUUID();
        byte[] fingerprint = blindIndex.of("idempotency-request", canonicalRequest);
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(CLAIM)
                        .setParameter("id", id)
                        .setParameter("caller", caller)
                        .setParameter("key", key.value())
                        .setParameter("fingerprint", fingerprint)
                        .executeUpdate())
                .flatMap(inserted ->
                        inserted == 1 ? Uni.createFrom().item(new Claim(id, null)) : replay(caller, key, fingerprint));
    }

    /** Stores the answer under a fresh claim, in the transaction that produced it. */
    public Uni<Void> complete(Claim claim, byte[] answer) {
        PersonalDataCipher.Sealed sealed = cipher.seal(answer, claim.id());
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(COMPLETE)
                        .setParameter("ciphertext", sealed.ciphertext())
                        .setParameter("keyId", sealed.keyId())
                        .setParameter("id", claim.id())
                        .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Claim> replay(String caller, IdempotencyKey key, byte[] fingerprint) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(FIND, Object[].class)
                        .setParameter("caller", caller)
                        .setParameter("key", key.value())
                        .getSingleResult())
                .map(row -> {
                    if (!MessageDigest.isEqual(fingerprint, (byte[]) row[1])) {
                        throw new ProblemException(Problem.of(
                                "idempotency-key-reused",
                                "Idempotency key reused",
                                422,
                                "This Idempotency-Key was used with a different request."));
                    }
                    UUID id = (UUID) row[0];
                    byte[] answer = cipher.open(new PersonalDataCipher.Sealed((String) row[3], (byte[]) row[2]), id);
                    return new Claim(id, answer);
                });
    }

    /** Forgets keys older than the retention, so stored answers (sealed query codes) do not pile up. */
    @Scheduled(identity = "idempotency-purge", every = "1h", delayed = "5m")
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
