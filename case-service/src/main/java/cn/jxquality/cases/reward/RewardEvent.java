package cn.jxquality.cases.reward;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a reward's append-only audit trail (the table refuses updates and deletes). */
@Entity
@Table(name = "reward_event")
public class RewardEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "reward_id", nullable = false)
    public UUID rewardId;

    public String type;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public RewardState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public RewardState toState;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    public Instant at;

    public String note;

    static RewardEvent of(Reward reward, String type, RewardState from, String actor, String role, String note) {
        RewardEvent event = new RewardEvent();
        event.rewardId = reward.id;
        event.type = type;
        event.fromState = from;
        event.toState = reward.state;
        event.actor = actor;
        event.actorRole = role;
        event.at = Instant.now();
        event.note = note;
        return event;
    }
}
