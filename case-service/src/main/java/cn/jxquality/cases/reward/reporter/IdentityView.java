package cn.jxquality.cases.reward.reporter;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One view of a reporter's identity by reward staff (append-only: the table refuses updates and deletes). */
@Entity
@Table(name = "reward_identity_view")
public class IdentityView extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "reward_id", nullable = false)
    public UUID rewardId;

    public String viewer;

    @Column(name = "viewer_role")
    public String viewerRole;

    public Instant at;
}
