package cn.jxquality.cases.reward.claim;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reporter's claim of a reward: name, ID document and bank account, sealed by {@link ClaimCipher}. */
@Entity
@Table(name = "reward_claim")
public class RewardClaim extends PanacheEntityBase {

    @Id
    @Column(name = "reward_id")
    public UUID rewardId;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    /** Nonce + AES-GCM ciphertext of {@link ClaimData} as JSON. */
    @Column(name = "sealed_data", nullable = false)
    public byte[] sealedData;
}
