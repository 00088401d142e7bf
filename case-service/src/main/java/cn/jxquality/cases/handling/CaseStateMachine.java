package cn.jxquality.cases.handling;

import static cn.jxquality.cases.casefile.CaseState.ACCEPTED;
import static cn.jxquality.cases.casefile.CaseState.ASSIGNED;
import static cn.jxquality.cases.casefile.CaseState.CLOSED;
import static cn.jxquality.cases.casefile.CaseState.IN_MEDIATION;
import static cn.jxquality.cases.casefile.CaseState.NEW;
import static cn.jxquality.cases.casefile.CaseState.NOT_ACCEPTED;
import static cn.jxquality.cases.casefile.CaseState.RESOLVED;
import static cn.jxquality.cases.casefile.CaseState.TRANSFERRED;
import static cn.jxquality.cases.casefile.CaseState.UNDER_INVESTIGATION;

import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.casefile.CaseState;
import cn.jxquality.cases.casefile.Visibility;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The case lifecycle of DESIGN §4, free of frameworks. Accepting and starting the work are two steps: an
 * accepted case may still be transferred, and the citizen's timeline shows "accepted" before "in progress". A
 * department system that follows DESIGN §10 (accept, then resolve) need not start: resolving an accepted case starts
 * the work first ({@link #impliedStart}), and the trail shows both steps.
 *
 * <pre>
 * NEW -assign-> ASSIGNED -accept-> ACCEPTED -start-> IN_MEDIATION (complaint) | UNDER_INVESTIGATION (report)
 *     -resolve(outcome)-> RESOLVED -close-> CLOSED
 * ACCEPTED -resolve(outcome)-> (start, then) RESOLVED
 * ASSIGNED -refuse(ground)-> NOT_ACCEPTED -close-> CLOSED
 * ASSIGNED | ACCEPTED -transfer-> TRANSFERRED -route-> ASSIGNED (another department) | NEW (triage)
 * </pre>
 *
 * Notes may be added in every state but CLOSED (a PUBLIC one is announced as {@code case.note-added.v1}, an
 * INTERNAL one only audited); a report's verification may be extended once before it is
 * resolved. While a case is worked on the department may ask the citizen for missing materials; until they
 * arrive the deadlines pause and only refusal, resolution, transfer and notes remain possible besides
 * recording their arrival.
 */
public final class CaseStateMachine {

    /** The {@code case-events} type of a PUBLIC note. */
    public static final String NOTE_ADDED = "case.note-added.v1";

    /** The states in which a department works on a case and may ask for materials. */
    static final Set<CaseState> WORKED_ON = EnumSet.of(ASSIGNED, ACCEPTED, IN_MEDIATION, UNDER_INVESTIGATION);

    /** The actions a client may take now ({@link CaseAction#ROUTE} is the system's). */
    public Set<CaseAction> allowedActions(CaseSituation situation) {
        Set<CaseAction> allowed = byState(situation);
        if (situation.waitingForMaterials()) {
            allowed.retainAll(EnumSet.of(CaseAction.REFUSE, CaseAction.RESOLVE, CaseAction.TRANSFER, CaseAction.NOTE));
            allowed.add(CaseAction.MATERIALS_RECEIVED);
        } else if (WORKED_ON.contains(situation.state())) {
            allowed.add(CaseAction.REQUEST_MATERIALS);
        }
        return allowed;
    }

    private Set<CaseAction> byState(CaseSituation situation) {
        Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
        switch (situation.state()) {
            case NEW -> allowed.add(CaseAction.ASSIGN);
            case ASSIGNED -> allowed.addAll(Set.of(CaseAction.ACCEPT, CaseAction.REFUSE, CaseAction.TRANSFER));
            case ACCEPTED -> allowed.addAll(Set.of(CaseAction.START, CaseAction.TRANSFER, CaseAction.RESOLVE));
            case IN_MEDIATION, UNDER_INVESTIGATION -> allowed.add(CaseAction.RESOLVE);
            case RESOLVED, NOT_ACCEPTED -> allowed.add(CaseAction.CLOSE);
            case TRANSFERRED, CLOSED -> {
                // TRANSFERRED lasts only inside the transfer itself; CLOSED is final
            }
        }
        if (mayExtend(situation)) {
            allowed.add(CaseAction.EXTEND);
        }
        if (situation.state() != CLOSED && situation.state() != TRANSFERRED) {
            allowed.add(CaseAction.NOTE);
        }
        return allowed;
    }

    /** Decides the step or throws: {@link IllegalTransitionException} or {@link InvalidCommandException}. */
    public Transition decide(CaseSituation situation, CaseCommand command) {
        CaseState from = situation.state();
        if (!permits(situation, command.action())) {
            throw new IllegalTransitionException(command.action(), from, allowedActions(situation));
        }
        return switch (command.action()) {
            case ASSIGN -> new Transition(CaseAction.ASSIGN, from, ASSIGNED, "case.assigned.v1");
            case ACCEPT -> new Transition(CaseAction.ACCEPT, from, ACCEPTED, "case.accepted.v1");
            case REFUSE -> refuse(from, (CaseCommand.Refuse) command);
            case START -> start(situation.kind());
            case TRANSFER -> new Transition(CaseAction.TRANSFER, from, TRANSFERRED, "case.transferred.v1");
            case ROUTE ->
                new Transition(
                        CaseAction.ROUTE, from, ((CaseCommand.Route) command).departmentFound() ? ASSIGNED : NEW, null);
            case RESOLVE -> resolve(situation, (CaseCommand.Resolve) command);
            case CLOSE -> new Transition(CaseAction.CLOSE, from, CLOSED, "case.closed.v1");
            case EXTEND -> new Transition(CaseAction.EXTEND, from, from, null);
            case NOTE -> note(from, (CaseCommand.Note) command);
            case REQUEST_MATERIALS ->
                new Transition(CaseAction.REQUEST_MATERIALS, from, from, "case.materials-requested.v1");
            case MATERIALS_RECEIVED ->
                new Transition(CaseAction.MATERIALS_RECEIVED, from, from, "case.materials-received.v1");
        };
    }

    /**
     * The start a decided step implies: a resolution from {@code ACCEPTED} (DESIGN §10: accept, then resolve) starts
     * the mediation or investigation first; empty for every other step.
     */
    public Optional<Transition> impliedStart(Transition decided, CaseKind kind) {
        return decided.action() == CaseAction.RESOLVE && decided.from() == ACCEPTED
                ? Optional.of(start(kind))
                : Optional.empty();
    }

    private boolean permits(CaseSituation situation, CaseAction action) {
        return action == CaseAction.ROUTE
                ? situation.state() == TRANSFERRED
                : allowedActions(situation).contains(action);
    }

    private static boolean mayExtend(CaseSituation situation) {
        return situation.kind() == CaseKind.REPORT
                && !situation.verificationExtended()
                && EnumSet.of(ASSIGNED, ACCEPTED, UNDER_INVESTIGATION).contains(situation.state());
    }

    private static Transition refuse(CaseState from, CaseCommand.Refuse refuse) {
        if (refuse.ground() == null) {
            throw new InvalidCommandException("ground", "a refusal needs one of the legal grounds");
        }
        return new Transition(CaseAction.REFUSE, from, NOT_ACCEPTED, "case.refused.v1");
    }

    /** Only a note the citizen may read reaches the public timeline. */
    private static Transition note(CaseState from, CaseCommand.Note note) {
        return new Transition(CaseAction.NOTE, from, from, note.visibility() == Visibility.PUBLIC ? NOTE_ADDED : null);
    }

    private static Transition start(CaseKind kind) {
        return kind == CaseKind.COMPLAINT
                ? new Transition(CaseAction.START, ACCEPTED, IN_MEDIATION, "case.mediation-started.v1")
                : new Transition(CaseAction.START, ACCEPTED, UNDER_INVESTIGATION, "case.investigation-started.v1");
    }

    private static Transition resolve(CaseSituation situation, CaseCommand.Resolve command) {
        ResolutionRules.check(situation.kind(), command.resolution());
        return new Transition(CaseAction.RESOLVE, situation.state(), RESOLVED, "case.resolved.v1");
    }
}
