package cn.jxquality.cases.reward.payout;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of the append-only payout ledger (the table refuses updates and deletes; a unique index allows one
 * {@code PAID} line per reward): a try started ({@code REQUESTED}), went unanswered ({@code UNCONFIRMED}), was
 * refused ({@code FAILED}) or paid ({@code PAID}, with the gateway's reference).
 */
@Entity
@Table(name = "payout_ledger")
public class PayoutEntry extends PanacheEntityBase {

    public static final String REQUESTED = "REQUESTED";
    public static final String UNCONFIRMED = "UNCONFIRMED";
    public static final String FAILED = "FAILED";
    public static final String PAID = "PAID";

    @Id
    public UUID id;

    @Column(name = "reward_id", nullable = false)
    public UUID rewardId;

    public String entry;

    @Column(name = "idempotency_key", nullable = false)
    public UUID idempotencyKey;

    @Column(name = "amount_fen")
    public long amountFen;

    @Column(name = "payment_reference")
    public String paymentReference;

    public String actor;

    public Instant at;

    public String note;

    static PayoutEntry of(UUID rewardId, String entry, UUID key, long amountFen, String actor, String note) {
        PayoutEntry line = new PayoutEntry();
        line.id = UUID.randomUUID();
        line.rewardId = rewardId;
        line.entry = entry;
        line.idempotencyKey = key;
        line.amountFen = amountFen;
        line.actor = actor;
        line.at = Instant.now();
        line.note = note;
        return line;
    }
}
