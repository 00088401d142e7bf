package cn.jxquality.cases.deadline;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor escalation (督办) opened when a case's deadline ran out, with its own deadline for the
 * department; closed when the late step is taken. Written by {@link DeadlineScheduler}, read by supervisors.
 */
@Entity
@Table(name = "escalation")
public class Escalation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "tracking_number")
    public String trackingNumber;

    @Column(name = "deadline_name")
    public String deadlineName;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** When the scheduler reported that the escalation's own deadline passed while it was open. */
    @Column(name = "overdue_at")
    public Instant overdueAt;
}
