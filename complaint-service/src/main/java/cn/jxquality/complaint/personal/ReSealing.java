package cn.jxquality.complaint.personal;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * After a key rotation ({@code personal-data.active-key-id} moved to a new key, the old one kept under its id), re-seals
 * what older keys sealed, so the old key can then be retired (issue 17 item 7; SECURITY.md, "Rotating keys"): a
 * complaint's person, a stored answer to a retried submission, an evidence file. Every minute a batch of each, in one
 * transaction per batch, rows taken with {@code SKIP LOCKED} (replicas share the work); each is opened with its own row
 * id as associated data, as it was sealed. A row under a key no longer configured cannot be opened: it is left and
 * counted in the log, never lost. Blind indexes made under an earlier blind-index key are re-made by intake's
 * {@code IndexRenewal}.
 */
@ApplicationScoped
public class ReSealing {

    /**
     * One kind of sealed data: {@code take} yields {@code id, key_id, data} of up to {@code $3} rows sealed under
     * another key than {@code $1} and one of the configured {@code $2}; {@code write} stores row {@code $1}'s data
     * {@code $3} under key {@code $2}.
     */
    record Kind(String name, int batch, String take, String write) {}

    static final List<Kind> KINDS = List.of(
            new Kind(
                    "complaints' people",
                    100,
                    "select id, person_key_id as key_id, person_ciphertext as data from complaint"
                            + " where person_key_id <> $1 and person_key_id = any($2) order by id limit $3"
                            + " for update skip locked",
                    "update complaint set person_key_id = $2, person_ciphertext = $3 where id = $1"),
            new Kind(
                    "stored answers",
                    100,
                    "select id, response_key_id as key_id, response_ciphertext as data from idempotency_record"
                            + " where response_key_id <> $1 and response_key_id = any($2) order by id limit $3"
                            + " for update skip locked",
                    "update idempotency_record set response_key_id = $2, response_ciphertext = $3 where id = $1"),
            new Kind(
                    "evidence files",
                    4, // up to 10 MB each
                    "select f.id, f.key_id, c.content as data from evidence_file f"
                            + " join evidence_content c on c.file_id = f.id"
                            + " where f.key_id <> $1 and f.key_id = any($2) order by f.id limit $3"
                            + " for update of f skip locked",
                    "with file as (update evidence_file set key_id = $2 where id = $1)"
                            + " update evidence_content set content = $3 where file_id = $1"));

    private final Pool pool;
    private final PersonalDataCipher cipher;

    ReSealing(Pool pool, PersonalDataCipher cipher) {
        this.pool = pool;
        this.cipher = cipher;
    }

    @Scheduled(
            identity = "personal-data-re-seal",
            every = "${personal-data.re-seal-every:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return reSealBatch()
                .onFailure()
                .invoke(e -> Log.warnf("Re-sealing personal data failed, tried again next time: %s", e.getMessage()))
                .onFailure()
                .recoverWithItem(0)
                .replaceWithVoid();
    }

    /**
     * One batch of each kind under the active key; how many rows it re-sealed. While one key is configured there is
     * nothing an older key sealed that could be opened, so nothing is read.
     */
    public Uni<Integer> reSealBatch() {
        if (cipher.keyIds().size() == 1) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom()
                .iterable(KINDS)
                .onItem()
                .transformToUniAndConcatenate(kind -> pool.withTransaction(connection -> reSeal(connection, kind)))
                .collect()
                .asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> reSeal(SqlConnection connection, Kind kind) {
        String active = cipher.activeKeyId();
        String[] configured = cipher.keyIds().toArray(String[]::new);
        return connection
                .preparedQuery(kind.take())
                .execute(Tuple.of(active, configured, kind.batch()))
                .flatMap(rows -> Multi.createFrom()
                        .iterable(rows)
                        .onItem()
                        .transformToUniAndConcatenate(row -> connection
                                .preparedQuery(kind.write())
                                .execute(Tuple.of(row.getUUID("id"), active, Buffer.buffer(resealed(row)))))
                        .collect()
                        .asList()
                        .map(List::size))
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("Re-sealed %d of the %s under key %s", count, kind.name(), active);
                    }
                });
    }

    private byte[] resealed(Row row) {
        byte[] plain = cipher.open(
                new PersonalDataCipher.Sealed(
                        row.getString("key_id"), row.getBuffer("data").getBytes()),
                row.getUUID("id"));
        return cipher.seal(plain, row.getUUID("id")).ciphertext();
    }
}
