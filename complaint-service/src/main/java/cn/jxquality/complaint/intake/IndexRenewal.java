package cn.jxquality.complaint.intake;

import cn.jxquality.complaint.personal.BlindIndex;
import cn.jxquality.complaint.personal.PersonalDataCipher;
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
 * After the blind-index key rotated ({@code personal-data.blind-index-key} replaced, the old one kept among
 * {@code blind-index-previous-keys}), re-makes older complaints' mobile and ID-number indexes under the active key
 * from their sealed person, a batch at a time ({@code SKIP LOCKED}, so replicas share the work), until none is left and
 * the old key can go (every {@code personal-data.re-seal-every}, as the re-sealing of personal data). Until then a
 * search looks under every configured key, so nobody is missed.
 */
@ApplicationScoped
public class IndexRenewal {

    static final int BATCH = 500;

    static final String TAKE = "select id, person_key_id, person_ciphertext from complaint"
            + " where index_key_id = any($1) and (person_ciphertext is null or person_key_id = any($2))"
            + " order by id limit $3 for update skip locked";
    static final String WRITE = "update complaint set mobile_blind_index = $2, id_number_blind_index = $3,"
            + " index_key_id = $4 where id = $1";

    private final Pool pool;
    private final BlindIndex blindIndex;
    private final PersonalDataCipher cipher;
    private final PersonSeal seal;

    IndexRenewal(Pool pool, BlindIndex blindIndex, PersonalDataCipher cipher, PersonSeal seal) {
        this.pool = pool;
        this.blindIndex = blindIndex;
        this.cipher = cipher;
        this.seal = seal;
    }

    @Scheduled(
            identity = "blind-index-renewal",
            every = "${personal-data.re-seal-every:1m}",
            delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return renewBatch()
                .onFailure()
                .invoke(e -> Log.warnf("Re-making blind indexes failed, tried again next time: %s", e.getMessage()))
                .onFailure()
                .recoverWithItem(0)
                .replaceWithVoid();
    }

    /** One batch; how many complaints' indexes it re-made. Nothing to do (no query at all) while one key is configured. */
    public Uni<Integer> renewBatch() {
        String active = blindIndex.keyId();
        String[] earlier =
                blindIndex.keyIds().stream().filter(id -> !id.equals(active)).toArray(String[]::new);
        if (earlier.length == 0) {
            return Uni.createFrom().item(0);
        }
        String[] dataKeys = cipher.keyIds().toArray(String[]::new);
        return pool.withTransaction(connection -> connection
                        .preparedQuery(TAKE)
                        .execute(Tuple.of(earlier, dataKeys, BATCH))
                        .flatMap(rows -> Multi.createFrom()
                                .iterable(rows)
                                .onItem()
                                .transformToUniAndConcatenate(row -> renew(connection, row, active))
                                .collect()
                                .asList()
                                .map(List::size)))
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("Re-made the blind indexes of %d complaints under key %s", count, active);
                    }
                });
    }

    private Uni<?> renew(SqlConnection connection, Row row, String active) {
        var ciphertext = row.getBuffer("person_ciphertext");
        SubmissionRequest.Person person = seal.open(
                        row.getUUID("id"),
                        row.getString("person_key_id"),
                        ciphertext == null ? null : ciphertext.getBytes())
                .orElse(null);
        byte[] mobile = person == null || person.mobile() == null ? null : seal.mobileIndex(person.mobile());
        byte[] idNumber = person == null || person.idNumber() == null ? null : seal.idNumberIndex(person.idNumber());
        return connection
                .preparedQuery(WRITE)
                .execute(Tuple.of(
                        row.getUUID("id"),
                        mobile == null ? null : Buffer.buffer(mobile),
                        idNumber == null ? null : Buffer.buffer(idNumber),
                        active));
    }
}
