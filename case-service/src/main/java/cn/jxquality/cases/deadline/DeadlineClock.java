package cn.jxquality.cases.deadline;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One running legal deadline of a case, as the scheduler sees it. Only changed columns are written, so a
 * department's action never overwrites what the scheduler recorded meanwhile.
 */
@Entity
@Table(name = "deadline_clock")
@DynamicUpdate
public class DeadlineClock extends PanacheEntityBase {

    /** The share of a deadline's span after which the department is warned. */
    static final double WARN_AT = 0.8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    public String name;

    @Column(name = "started_at")
    public Instant startedAt;

    /**
     * When the deadline's count began (receipt, the end of the ODR enterprise's turn, assignment, acceptance): a
     * newly loaded calendar recounts the deadline from there ({@link DeadlineRecount}). The clock itself may have
     * started later (a case opened from a backlog) or earlier (a transfer moves the acceptance limit of a running
     * clock).
     */
    @Column(name = "counted_from")
    public Instant countedFrom;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "warn_at")
    public Instant warnAt;

    @Column(name = "warned_at")
    public Instant warnedAt;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    /** Since when the clock stands still while the department waits for the citizen's materials. */
    @Column(name = "paused_at")
    public Instant pausedAt;

    static DeadlineClock start(UUID caseId, String name, Instant now, Instant due) {
        DeadlineClock clock = new DeadlineClock();
        clock.caseId = caseId;
        clock.name = name;
        clock.countedFrom = now;
        clock.restart(now, due);
        return clock;
    }

    /** Runs again from {@code now}, e.g. after a transfer brought back a deadline that had stopped. */
    void restart(Instant now, Instant due) {
        startedAt = now;
        stoppedAt = null;
        moveTo(due, now);
    }

    /** A new due time (an extension, a recount): the warning and overdue steps apply afresh if it lies ahead. */
    void moveTo(Instant due, Instant now) {
        dueAt = due;
        long span = Math.max(0, Duration.between(startedAt, due).toMillis());
        warnAt = startedAt.plusMillis((long) (span * WARN_AT));
        if (due.isAfter(now)) {
            overdueAt = null;
            if (warnAt.isAfter(now)) {
                warnedAt = null;
            }
        }
    }
}
