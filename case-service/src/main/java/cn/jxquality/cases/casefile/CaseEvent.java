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
    Long id;

    @Column(name = "case_id", nullable = false)
    UUID caseId;

    String type;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    CaseState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    CaseState toState;

    String actor;

    @Column(name = "actor_role")
    String actorRole;

    @Column(name = "department_code")
    String departmentCode;

    Instant at;

    String note;

    @Enumerated(EnumType.STRING)
    Visibility visibility;

    /**
     * An entry for {@code file}'s step from {@code from} to {@code to}, by {@code actor}, for the actor's own
     * department or else the case's.
     */
    public static CaseEvent of(
            CaseFile file,
            String type,
            CaseState from,
            CaseState to,
            Caller actor,
            Instant at,
            String note,
            Visibility visibility) {
        CaseEvent event = new CaseEvent();
        event.caseId = file.id;
        event.type = type;
        event.fromState = from;
        event.toState = to;
        event.actor = actor.name();
        event.actorRole = actor.role();
        event.departmentCode = actor.departmentCode().orElse(file.departmentCode);
        event.at = at;
        event.note = note;
        event.visibility = visibility;
        return event;
    }

    public Long id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public String type() {
        return type;
    }

    public CaseState fromState() {
        return fromState;
    }

    public CaseState toState() {
        return toState;
    }

    public String actor() {
        return actor;
    }

    public String actorRole() {
        return actorRole;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public Instant at() {
        return at;
    }

    public String note() {
        return note;
    }

    public Visibility visibility() {
        return visibility;
    }
}
