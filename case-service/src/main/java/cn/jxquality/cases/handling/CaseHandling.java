package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.Caller;
import cn.jxquality.cases.casefile.CaseAssigned;
import cn.jxquality.cases.casefile.CaseEvent;
import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.casefile.CaseQueries;
import cn.jxquality.cases.casefile.CaseState;
import cn.jxquality.cases.casefile.CaseView;
import cn.jxquality.cases.casefile.Visibility;
import cn.jxquality.cases.deadline.CaseDeadlines;
import cn.jxquality.cases.deadline.DeadlineClocks;
import cn.jxquality.cases.routing.RoutingDirectory;
import cn.jxquality.cases.statistics.CaseStatistics;
import cn.jxquality.platform.outbox.Outbox;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.StaleStateException;

/**
 * The department and supervisor actions on a case. Each runs in one transaction: scope (another department's
 * case is 404), version (412), the lifecycle (409, 400), then the change, its audit entries and, for a public
 * step, its {@code case-events} outbox row. A refused request changes nothing.
 */
@ApplicationScoped
public class CaseHandling {

    private final CaseStateMachine machine = new CaseStateMachine();
    private final CaseQueries queries;
    private final RoutingDirectory routing;
    private final Outbox outbox;
    private final CaseEffects effects;
    private final DeadlineClocks clocks;
    private final CaseStatistics statistics;

    CaseHandling(
            CaseQueries queries,
            RoutingDirectory routing,
            Outbox outbox,
            CaseDeadlines deadlines,
            DeadlineClocks clocks,
            CaseStatistics statistics) {
        this.queries = queries;
        this.routing = routing;
        this.outbox = outbox;
        this.effects = new CaseEffects(deadlines);
        this.clocks = clocks;
        this.statistics = statistics;
    }

    public Uni<CaseView> act(Caller caller, UUID id, int version, CaseChange change) {
        return Panache.withTransaction(() -> queries.get(caller, id)
                        .invoke(file -> checkVersion(file, version))
                        .flatMap(file -> change(caller, file, change).replaceWith(file)))
                .onFailure(CaseHandling::lostRace)
                .transform(e -> ProblemException.stale("The case changed meanwhile; read it again."))
                .map(CaseView::of);
    }

    /**
     * Ends a complaint's mediation whose 60 days from acceptance ran out (SAMR Order 121): resolved {@code
     * MEDIATION_ENDED} on the ground {@code TIME_LIMIT_EXPIRED}, as the system, with a public note that tells the
     * citizen what they may do next. False when the case had moved on meanwhile (resolved, transferred, another
     * replica ending it first).
     */
    public Uni<Boolean> endMediationAtTheLimit(UUID id) {
        return Panache.withTransaction(() -> CaseFile.<CaseFile>findById(id).flatMap(file -> {
                    if (file == null
                            || file.caseKind() != CaseKind.COMPLAINT
                            || !(file.state() == CaseState.ACCEPTED || file.state() == CaseState.IN_MEDIATION)) {
                        return Uni.createFrom().item(false);
                    }
                    CaseChange change = new CaseChange(
                            new CaseCommand.Resolve(new Resolution(
                                    Outcome.MEDIATION_ENDED,
                                    MediationEndingGround.TIME_LIMIT_EXPIRED,
                                    null,
                                    null,
                                    null)),
                            AFTER_THE_TIME_LIMIT,
                            Visibility.PUBLIC,
                            null);
                    return change(Caller.SYSTEM, file, change).replaceWith(true);
                }))
                .onFailure(CaseHandling::lostRace)
                .recoverWithItem(false);
    }

    /** What a complainant may still do once mediation ended without an agreement. */
    static final String AFTER_THE_TIME_LIMIT = "调解终止后，您可以依法向仲裁机构申请仲裁，或者向人民法院提起诉讼。"
            + " You may now apply for arbitration or bring a lawsuit in a people's court.";

    /** Two writers read the same version; the second one's flush found it gone and was rolled back. */
    private static boolean lostRace(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof StaleStateException || e instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** The change, then the deadline clocks kept in step with the case, in the caller's transaction. */
    private Uni<Void> change(Caller caller, CaseFile file, CaseChange change) {
        return apply(caller, file, change).flatMap(v -> clocks.sync(file, Instant.now()));
    }

    private Uni<Void> apply(Caller caller, CaseFile file, CaseChange change) {
        Transition transition = decide(file, change.command());
        Instant now = Instant.now();
        Optional<Transition> implied = machine.impliedStart(transition, file.caseKind());
        if (implied.isPresent()) { // DESIGN §10's accept, then resolve: the work starts with the resolution
            Transition start = implied.get();
            CaseCommand command = new CaseCommand.Start();
            effects.apply(file, start, command, now);
            return record(caller, file, start, effects.note(file, start, command, null), Visibility.PUBLIC, now, null)
                    .flatMap(v -> apply(caller, file, change));
        }
        if (transition.action() == CaseAction.ASSIGN) {
            return assign(caller, file, transition, change, now);
        }
        if (transition.action() == CaseAction.TRANSFER) {
            return transfer(caller, file, transition, change, now);
        }
        String note = effects.note(file, transition, change.command(), change.note());
        effects.apply(file, transition, change.command(), now);
        Uni<Void> recorded = record(caller, file, transition, note, change.visibility(), now, null);
        boolean decision = transition.action() == CaseAction.RESOLVE || transition.action() == CaseAction.REFUSE;
        return decision ? recorded.flatMap(v -> statistics.decided(file, now)) : recorded;
    }

    private Uni<Void> assign(Caller caller, CaseFile file, Transition transition, CaseChange change, Instant now) {
        return knownDepartment(change.departmentCode()).flatMap(code -> {
            effects.assign(file, code, null, now, false);
            String note = effects.note(file, transition, change.command(), change.note());
            return record(caller, file, transition, note, Visibility.PUBLIC, now, null);
        });
    }

    /** TRANSFERRED, then at once re-routed: to the named department, else by the rules, else to triage. */
    private Uni<Void> transfer(Caller caller, CaseFile file, Transition transfer, CaseChange change, Instant now) {
        String previous = file.departmentCode();
        return target(file, change.departmentCode()).flatMap(target -> {
            file.moveTo(transfer.to(), now);
            CaseEvent left = audit(caller, file, transfer, change.note(), Visibility.INTERNAL, now);
            Transition route = machine.decide(situation(file), new CaseCommand.Route(target.isPresent()));
            target.ifPresentOrElse(
                    t -> effects.assign(file, t.departmentCode(), t.ruleId(), now, true),
                    () -> file.returnToTriage(now));
            String note = target.isPresent()
                    ? "移送 Transferred to the responsible department " + file.departmentCode()
                    : "移送 Transferred; the provincial office is choosing the responsible department";
            CaseEvent arrived = audit(caller, file, route, note, Visibility.PUBLIC, now);
            return left.persist()
                    .flatMap(saved -> arrived.persist())
                    .flatMap(saved -> announce(file, transfer, note, now, previous))
                    .flatMap(saved -> target.isPresent() ? Uni.createFrom().voidItem() : announceTriage(file, now));
        });
    }

    private Uni<Void> record(
            Caller caller,
            CaseFile file,
            Transition transition,
            String note,
            Visibility visibility,
            Instant now,
            String previousDepartment) {
        Uni<Void> audited =
                audit(caller, file, transition, note, visibility, now).persist().replaceWithVoid();
        if (transition.publicEventType() == null) {
            return audited;
        }
        String publicNote = visibility == Visibility.PUBLIC ? note : null;
        return audited.flatMap(v -> announce(file, transition, publicNote, now, previousDepartment));
    }

    private Uni<Void> announce(CaseFile file, Transition transition, String publicNote, Instant now, String previous) {
        Object data = switch (transition.action()) {
            case ASSIGN -> assigned(file, now, publicNote);
            case NOTE -> noteAdded(file, now, publicNote);
            default ->
                new CaseTransitioned(
                        file.id(),
                        file.complaintId(),
                        file.trackingNumber(),
                        file.kind(),
                        file.departmentCode(),
                        previous,
                        file.state(),
                        file.outcome(),
                        now,
                        publicNote);
        };
        return outbox.append(file.complaintId(), transition.publicEventType(), file.trackingNumber(), data)
                .replaceWithVoid();
    }

    private Uni<Void> announceTriage(CaseFile file, Instant now) {
        return outbox.append(
                        file.complaintId(), CaseAssigned.TRIAGE_TYPE, file.trackingNumber(), assigned(file, now, null))
                .replaceWithVoid();
    }

    private Uni<Optional<Target>> target(CaseFile file, String named) {
        if (named == null) {
            return Uni.createFrom()
                    .item(routing.routeElsewhere(file.kind(), file.category(), file.regionCode(), file.departmentCode())
                            .map(rule -> new Target(rule.departmentCode(), rule.id())));
        }
        if (named.equals(file.departmentCode())) {
            throw ProblemException.invalid("departmentCode", "is already the case's department");
        }
        return knownDepartment(named).map(code -> Optional.of(new Target(code, null)));
    }

    private Uni<String> knownDepartment(String code) {
        return routing.knows(code).map(known -> {
            if (!known) {
                throw ProblemException.invalid("departmentCode", "is not a department of the directory");
            }
            return code;
        });
    }

    private Transition decide(CaseFile file, CaseCommand command) {
        try {
            return machine.decide(situation(file), command);
        } catch (IllegalTransitionException e) {
            throw new ProblemException(Problem.illegalTransition(
                    e.getMessage(),
                    e.allowed().stream().map(CaseAction::endpoint).toList()));
        } catch (InvalidCommandException e) {
            throw ProblemException.invalid(e.field(), e.getMessage());
        }
    }

    /**
     * What {@code caller} may do to the case now, by the endpoint names of its actions: the state machine's choice,
     * without {@code assign} for anyone but a supervisor. A case the caller may not see answers 404.
     */
    @WithSession
    public Uni<AllowedActions> allowed(Caller caller, UUID id) {
        return queries.get(caller, id)
                .map(file -> new AllowedActions(
                        file.id(),
                        file.version(),
                        machine.allowedActions(situation(file)).stream()
                                .filter(action -> action != CaseAction.ASSIGN || "supervisor".equals(caller.role()))
                                .sorted()
                                .map(CaseAction::endpoint)
                                .toList()));
    }

    /** The actions open to a caller on one case at one version (send it back in {@code If-Match}). */
    public record AllowedActions(UUID caseId, int version, List<String> actions) {}

    private static void checkVersion(CaseFile file, int version) {
        if (file.version() != version) {
            throw ProblemException.stale("The case is at version " + file.version() + ", not " + version
                    + "; read it again before changing it.");
        }
    }

    private static CaseSituation situation(CaseFile file) {
        return new CaseSituation(
                file.caseKind(),
                file.state(),
                file.verificationExtendedAt() != null,
                file.waitingForMaterialsSince() != null);
    }

    private static CaseEvent audit(
            Caller caller, CaseFile file, Transition transition, String note, Visibility visibility, Instant now) {
        return CaseEvent.of(
                file,
                transition.action().auditType(),
                transition.from(),
                transition.to(),
                caller,
                now,
                note,
                visibility);
    }

    private static CaseAssigned assigned(CaseFile file, Instant now, String publicNote) {
        return CaseAssigned.of(file, now, publicNote);
    }

    private static CaseNoteAdded noteAdded(CaseFile file, Instant now, String publicNote) {
        return new CaseNoteAdded(
                file.id(),
                file.complaintId(),
                file.trackingNumber(),
                file.kind(),
                file.departmentCode(),
                null,
                file.state(),
                now,
                publicNote);
    }

    /** Where a transferred case goes; the rule is null when the department was named. */
    private record Target(String departmentCode, String ruleId) {}
}
