package cn.jxquality.cases.deadline;

import cn.jxquality.cases.casefile.CaseFile;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Keeps a case's clocks in step with its state and deadlines, in the transaction of the change: a deadline
 * starts running when it is set in a state it limits, moves when it is extended, and stops (closing its
 * escalation) when the step it limits happened.
 */
@ApplicationScoped
public class DeadlineClocks {

    static final String CLOSE_ESCALATIONS =
            "closedAt = ?1 where caseId = ?2 and deadlineName = ?3 and closedAt is null";

    /**
     * A clock a case starts with: its deadline, when it started, when the deadline's count began, due time and
     * warning time.
     */
    public record Start(String name, Instant startedAt, Instant countedFrom, Instant dueAt, Instant warnAt) {}

    /**
     * The clocks a new case starts with at {@code now}: its watched deadlines that run in its state. With {@code
     * fromTheirCount} each clock starts when its deadline's count began rather than now: a complaint that went to an
     * ODR enterprise first opens when that ended, and its clocks run from then, so the warning comes at 80 % of the
     * legal span, not of what is left of it.
     */
    public List<Start> startsOf(CaseFile file, Instant now, boolean fromTheirCount) {
        Map<String, Instant> deadlines = file.deadlines();
        List<Start> starts = new ArrayList<>();
        for (String name : DeadlineWatch.WATCHED) {
            Instant due = deadlines.get(name);
            if (DeadlineWatch.runs(name, file.state(), due != null)) {
                Instant countedFrom = file.countedAfresh(name) != null ? file.countedAfresh(name) : now;
                DeadlineClock clock = DeadlineClock.start(file.id(), name, fromTheirCount ? countedFrom : now, due);
                starts.add(new Start(name, clock.startedAt, countedFrom, clock.dueAt, clock.warnAt));
            }
        }
        return starts;
    }

    /** Must run inside the transaction that changed the case, after the case was persisted. */
    public Uni<Void> sync(CaseFile file, Instant now) {
        return DeadlineClock.<DeadlineClock>list("caseId", file.id()).flatMap(existing -> {
            Map<String, DeadlineClock> byName =
                    existing.stream().collect(Collectors.toMap(c -> c.name, Function.identity()));
            Map<String, Instant> deadlines = file.deadlines();
            List<Supplier<Uni<?>>> writes = new ArrayList<>();
            for (String name : DeadlineWatch.WATCHED) {
                Instant due = deadlines.get(name);
                DeadlineClock clock = byName.get(name);
                if (DeadlineWatch.runs(name, file.state(), due != null)) {
                    writes.add(() -> run(file, name, clock, due, now));
                    writes.add(() -> pause(file, name, byName.get(name)));
                } else if (clock != null && clock.stoppedAt == null) {
                    clock.stoppedAt = now;
                    writes.add(() -> Escalation.update(CLOSE_ESCALATIONS, now, file.id(), name));
                }
            }
            // one after the other: a reactive session takes one operation at a time
            Uni<?> chain = Uni.createFrom().voidItem();
            for (Supplier<Uni<?>> write : writes) {
                chain = chain.flatMap(ignored -> write.get());
            }
            return chain.replaceWithVoid();
        });
    }

    /** A clock stands still while the department waits for the citizen's materials. */
    private static Uni<?> pause(CaseFile file, String name, DeadlineClock clock) {
        if (clock != null) {
            clock.pausedAt = file.waitingForMaterialsSince();
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * Starts, restarts or moves the clock; a deadline the change counted afresh (e.g. acceptance after a transfer)
     * also moves where its count began, one moved on (an extension, the days waited) keeps it.
     */
    private static Uni<?> run(CaseFile file, String name, DeadlineClock clock, Instant due, Instant now) {
        Instant countedAfresh = file.countedAfresh(name);
        if (clock == null) {
            DeadlineClock started = DeadlineClock.start(file.id(), name, now, due);
            started.countedFrom = countedAfresh != null ? countedAfresh : now;
            return started.persist();
        }
        if (clock.stoppedAt != null) {
            clock.restart(now, due);
            clock.countedFrom = countedAfresh != null ? countedAfresh : now;
        } else if (!due.equals(clock.dueAt)) {
            clock.moveTo(due, now);
        }
        if (countedAfresh != null && !countedAfresh.equals(clock.countedFrom)) {
            clock.countedFrom = countedAfresh;
        }
        return Uni.createFrom().voidItem();
    }
}
