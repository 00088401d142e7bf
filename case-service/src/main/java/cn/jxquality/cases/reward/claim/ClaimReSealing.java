package cn.jxquality.cases.reward.claim;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * After the claim-data key is rotated (a new {@code rewards.claim-data.key} and {@code .key-id}, the old one kept in
 * {@code .previous-keys}), re-seals the claims older keys sealed, so the old key can then be retired (issue 17 item 7;
 * SECURITY.md, "Rotating keys"): every minute a batch of 100, in one transaction, rows taken with {@code SKIP LOCKED},
 * each opened with its reward id as associated data, as it was sealed. A claim under a key no longer configured is
 * left as it was.
 */
@ApplicationScoped
public class ClaimReSealing {

    static final int BATCH = 100;

    static final String TAKE = "select reward_id, key_id, sealed_data from reward_claim"
            + " where key_id <> $1 and key_id = any($2) order by reward_id limit $3 for update skip locked";

    static final String WRITE = "update reward_claim set key_id = $2, sealed_data = $3 where reward_id = $1";

    private final Pool pool;
    private final ClaimCipher cipher;

    ClaimReSealing(Pool pool, ClaimCipher cipher) {
        this.pool = pool;
        this.cipher = cipher;
    }

    @Scheduled(
            identity = "claim-data-re-seal",
            every = "${rewards.claim-data.re-seal-every:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return reSealBatch()
                .onFailure()
                .invoke(e -> Log.warnf("Re-sealing claims failed, tried again next time: %s", e.getMessage()))
                .onFailure()
                .recoverWithItem(0)
                .replaceWithVoid();
    }

    /** One batch under the current key; how many claims it re-sealed (none without a current key). */
    public Uni<Integer> reSealBatch() {
        Optional<String> current = cipher.currentKeyId();
        if (current.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String[] configured = cipher.keyIds().toArray(String[]::new);
        return pool.withTransaction(connection -> connection
                        .preparedQuery(TAKE)
                        .execute(Tuple.of(current.get(), configured, BATCH))
                        .flatMap(rows -> Multi.createFrom()
                                .iterable(rows)
                                .onItem()
                                .transformToUniAndConcatenate(row -> {
                                    ClaimCipher.Sealed sealed = resealed(row);
                                    return connection
                                            .preparedQuery(WRITE)
                                            .execute(Tuple.of(
                                                    row.getUUID("reward_id"),
                                                    sealed.keyId(),
                                                    Buffer.buffer(sealed.data())));
                                })
                                .collect()
                                .asList()
                                .map(List::size)))
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("Re-sealed %d claims under key %s", count, current.get());
                    }
                });
    }

    private ClaimCipher.Sealed resealed(Row row) {
        byte[] plain = cipher.open(
                row.getUUID("reward_id"),
                new ClaimCipher.Sealed(
                        row.getString("key_id"), row.getBuffer("sealed_data").getBytes()));
        return cipher.seal(row.getUUID("reward_id"), plain);
    }
}
