package cn.jxquality.cases.casefile;

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

/** One entry of a case's append-only audit trail: who did what, as which role, when, and why. */
@Entity
@Table(name = "case_event")
public class CaseEvent extends PanacheEntityBase {

    /** The actor recorded for what the system does on its own (routing, deadlines). */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    public String type;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public CaseState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public CaseState toState;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "department_code")
    public String departmentCode;

    public Instant at;

    public String note;

    @Enumerated(EnumType.STRING)
    public Visibility visibility;
}
