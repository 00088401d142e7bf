package cn.jxquality.cases.reward.claim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.cases.reward.RewardFlow;
import cn.jxquality.cases.reward.RewardThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After the claim-data key is rotated, claims sealed under the previous key are re-sealed under the current one and
 * read the same (issue 17 item 7). This profile keeps the test key test-1 current and adds a previous test-0; the test
 * seals its own claim under test-0, so other tests' claims (under test-1) are left as they are.
 */
@QuarkusTest
@QuarkusTestResource(RewardThirdParties.class)
@TestProfile(ClaimReSealingTest.WithAPreviousKey.class)
class ClaimReSealingTest {

    static final String PREVIOUS_KEY =
            Base64.getEncoder().encodeToString("test-only-previous-claim-key-32b".getBytes(StandardCharsets.US_ASCII));

    public static class WithAPreviousKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rewards.claim-data.previous-keys",
                    "test-0:" + PREVIOUS_KEY,
                    "rewards.claim-data.re-seal-every",
                    "1h");
        }
    }

    @Inject
    Pool pool;

    @Inject
    ClaimCipher cipher;

    @Inject
    ClaimReSealing reSealing;

    private final RewardFlow flow = new RewardFlow();

    @AfterEach
    void close() {
        flow.close();
    }

    @Test
    void aClaimSealedUnderThePreviousKeyIsReSealedUnderTheCurrentOne() {
        UUID rewardId = claimed();
        ClaimCipher previous = cipherOf("test-0", PREVIOUS_KEY);
        byte[] plain = cipher.open(rewardId, stored(rewardId));
        ClaimCipher.Sealed old = previous.seal(rewardId, plain);
        store(rewardId, old);

        for (int batch = 0; batch < 100 && stored(rewardId).keyId().equals("test-0"); batch++) {
            reSealing.reSealBatch().await().indefinitely();
        }
        ClaimCipher.Sealed now = stored(rewardId);
        assertEquals("test-1", now.keyId());
        assertArrayEquals(plain, cipher.open(rewardId, now));
    }

    @Test
    void aClaimUnderAKeyNoLongerConfiguredIsLeftAsItWas() {
        UUID rewardId = claimed();
        ClaimCipher.Sealed current = stored(rewardId);
        store(rewardId, new ClaimCipher.Sealed("test-9", current.data()));
        reSealing.reSealBatch().await().indefinitely();
        assertEquals("test-9", stored(rewardId).keyId());
    }

    /** A real claim, taken through the public endpoint; its reward's id. */
    private UUID claimed() {
        RewardFlow.Report report = flow.substantiated(20_000_000, 0);
        UUID rewardId = flow.notified(report);
        RewardFlow.credentials(report, true);
        RewardFlow.claim(report, "张三", "张三", RewardFlow.client()).statusCode(200);
        return rewardId;
    }

    private ClaimCipher.Sealed stored(UUID rewardId) {
        Row row = pool.preparedQuery("select key_id, sealed_data from reward_claim where reward_id = $1")
                .executeAndAwait(Tuple.of(rewardId))
                .iterator()
                .next();
        return new ClaimCipher.Sealed(
                row.getString("key_id"), row.getBuffer("sealed_data").getBytes());
    }

    private void store(UUID rewardId, ClaimCipher.Sealed sealed) {
        pool.preparedQuery("update reward_claim set key_id = $2, sealed_data = $3 where reward_id = $1")
                .executeAndAwait(Tuple.of(rewardId, sealed.keyId(), Buffer.buffer(sealed.data())));
    }

    private static ClaimCipher cipherOf(String id, String key) {
        return new ClaimCipher(new ClaimKeys() {
            @Override
            public Optional<String> keyId() {
                return Optional.of(id);
            }

            @Override
            public Optional<String> key() {
                return Optional.of(key);
            }

            @Override
            public Optional<String> previousKeys() {
                return Optional.empty();
            }

            @Override
            public String reSealEvery() {
                return "1h";
            }
        });
    }
}
