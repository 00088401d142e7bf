package cn.jxquality.cases.handling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.casefile.CaseState;
import cn.jxquality.cases.casefile.Visibility;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CaseStateMachineTest {

    private final CaseStateMachine machine = new CaseStateMachine();

    /** The legal steps, written out by hand from DESIGN §4: "kind state action" → target state and event. */
    static final Map<String, String> LEGAL = Map.ofEntries(
            Map.entry("COMPLAINT NEW ASSIGN", "ASSIGNED case.assigned.v1"),
            Map.entry("COMPLAINT NEW NOTE", "NEW -"),
            Map.entry("COMPLAINT ASSIGNED ACCEPT", "ACCEPTED case.accepted.v1"),
            Map.entry("COMPLAINT ASSIGNED REFUSE", "NOT_ACCEPTED case.refused.v1"),
            Map.entry("COMPLAINT ASSIGNED TRANSFER", "TRANSFERRED case.transferred.v1"),
            Map.entry("COMPLAINT ASSIGNED NOTE", "ASSIGNED -"),
            Map.entry("COMPLAINT ACCEPTED START", "IN_MEDIATION case.mediation-started.v1"),
            // DESIGN §10's accept, then resolve: the handling records the implied start first (CaseLifecycleTest)
            Map.entry("COMPLAINT ACCEPTED RESOLVE", "RESOLVED case.resolved.v1"),
            Map.entry("COMPLAINT ACCEPTED TRANSFER", "TRANSFERRED case.transferred.v1"),
            Map.entry("COMPLAINT ACCEPTED NOTE", "ACCEPTED -"),
            Map.entry("COMPLAINT IN_MEDIATION RESOLVE", "RESOLVED case.resolved.v1"),
            Map.entry("COMPLAINT IN_MEDIATION NOTE", "IN_MEDIATION -"),
            Map.entry("COMPLAINT TRANSFERRED ROUTE", "ASSIGNED -"),
            Map.entry("COMPLAINT RESOLVED CLOSE", "CLOSED case.closed.v1"),
            Map.entry("COMPLAINT RESOLVED NOTE", "RESOLVED -"),
            Map.entry("COMPLAINT NOT_ACCEPTED CLOSE", "CLOSED case.closed.v1"),
            Map.entry("COMPLAINT NOT_ACCEPTED NOTE", "NOT_ACCEPTED -"),
            Map.entry("COMPLAINT ASSIGNED REQUEST_MATERIALS", "ASSIGNED case.materials-requested.v1"),
            Map.entry("COMPLAINT ACCEPTED REQUEST_MATERIALS", "ACCEPTED case.materials-requested.v1"),
            Map.entry("COMPLAINT IN_MEDIATION REQUEST_MATERIALS", "IN_MEDIATION case.materials-requested.v1"),
            Map.entry("REPORT ASSIGNED REQUEST_MATERIALS", "ASSIGNED case.materials-requested.v1"),
            Map.entry("REPORT ACCEPTED REQUEST_MATERIALS", "ACCEPTED case.materials-requested.v1"),
            Map.entry(
                    "REPORT UNDER_INVESTIGATION REQUEST_MATERIALS", "UNDER_INVESTIGATION case.materials-requested.v1"),
            Map.entry("REPORT NEW ASSIGN", "ASSIGNED case.assigned.v1"),
            Map.entry("REPORT NEW NOTE", "NEW -"),
            Map.entry("REPORT ASSIGNED ACCEPT", "ACCEPTED case.accepted.v1"),
            Map.entry("REPORT ASSIGNED REFUSE", "NOT_ACCEPTED case.refused.v1"),
            Map.entry("REPORT ASSIGNED TRANSFER", "TRANSFERRED case.transferred.v1"),
            Map.entry("REPORT ASSIGNED EXTEND", "ASSIGNED -"),
            Map.entry("REPORT ASSIGNED NOTE", "ASSIGNED -"),
            Map.entry("REPORT ACCEPTED START", "UNDER_INVESTIGATION case.investigation-started.v1"),
            Map.entry("REPORT ACCEPTED RESOLVE", "RESOLVED case.resolved.v1"),
            Map.entry("REPORT ACCEPTED TRANSFER", "TRANSFERRED case.transferred.v1"),
            Map.entry("REPORT ACCEPTED EXTEND", "ACCEPTED -"),
            Map.entry("REPORT ACCEPTED NOTE", "ACCEPTED -"),
            Map.entry("REPORT UNDER_INVESTIGATION RESOLVE", "RESOLVED case.resolved.v1"),
            Map.entry("REPORT UNDER_INVESTIGATION EXTEND", "UNDER_INVESTIGATION -"),
            Map.entry("REPORT UNDER_INVESTIGATION NOTE", "UNDER_INVESTIGATION -"),
            Map.entry("REPORT TRANSFERRED ROUTE", "ASSIGNED -"),
            Map.entry("REPORT RESOLVED CLOSE", "CLOSED case.closed.v1"),
            Map.entry("REPORT RESOLVED NOTE", "RESOLVED -"),
            Map.entry("REPORT NOT_ACCEPTED CLOSE", "CLOSED case.closed.v1"),
            Map.entry("REPORT NOT_ACCEPTED NOTE", "NOT_ACCEPTED -"));

    /** Every state a case of each kind can be in (a complaint is never investigated, a report never mediated). */
    static Stream<Arguments> everyKindStateAndAction() {
        List<Arguments> all = new ArrayList<>();
        for (CaseKind kind : CaseKind.values()) {
            for (CaseState state : CaseState.values()) {
                if (reachable(kind, state)) {
                    for (CaseAction action : CaseAction.values()) {
                        all.add(Arguments.of(kind, state, action));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @MethodSource("everyKindStateAndAction")
    void everyActionInEveryStateIsLegalExactlyWhenTheLifecycleSaysSo(
            CaseKind kind, CaseState state, CaseAction action) {
        CaseSituation situation = new CaseSituation(kind, state, false);
        String expected = LEGAL.get(kind + " " + state + " " + action);
        if (expected == null) {
            IllegalTransitionException refused = assertThrows(
                    IllegalTransitionException.class, () -> machine.decide(situation, validCommand(kind, action)));
            assertEquals(machine.allowedActions(situation), refused.allowed());
            return;
        }
        Transition transition = machine.decide(situation, validCommand(kind, action));
        assertEquals(expected.split(" ")[0], transition.to().name());
        assertEquals(expected.split(" ")[1], transition.publicEventType() == null ? "-" : transition.publicEventType());
        assertEquals(state, transition.from());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindAndState")
    void allowedActionsAreTheLegalOnesClientsMayTake(CaseKind kind, CaseState state) {
        Set<CaseAction> expected = EnumSet.noneOf(CaseAction.class);
        LEGAL.keySet().stream()
                .filter(key -> key.startsWith(kind + " " + state + " "))
                .map(key -> CaseAction.valueOf(key.split(" ")[2]))
                .filter(action -> action != CaseAction.ROUTE)
                .forEach(expected::add);
        assertEquals(expected, machine.allowedActions(new CaseSituation(kind, state, false)));
    }

    static Stream<Arguments> everyKindAndState() {
        return everyKindStateAndAction()
                .map(a -> Arguments.of(a.get()[0], a.get()[1]))
                .distinct();
    }

    @ParameterizedTest
    @EnumSource(
            value = CaseState.class,
            names = {"ASSIGNED", "ACCEPTED", "UNDER_INVESTIGATION"})
    void verificationIsExtendedOnlyOnce(CaseState state) {
        CaseSituation extended = new CaseSituation(CaseKind.REPORT, state, true);
        assertThrows(IllegalTransitionException.class, () -> machine.decide(extended, new CaseCommand.Extend()));
        assertTrue(!machine.allowedActions(extended).contains(CaseAction.EXTEND));
    }

    @ParameterizedTest
    @EnumSource(
            value = CaseState.class,
            names = {"CLOSED", "TRANSFERRED"},
            mode = EnumSource.Mode.EXCLUDE)
    void aPublicNoteIsAnnouncedAndAnInternalOneIsNot(CaseState state) {
        CaseKind kind = state == CaseState.UNDER_INVESTIGATION ? CaseKind.REPORT : CaseKind.COMPLAINT;
        CaseSituation situation = new CaseSituation(kind, state, false);
        Transition published = machine.decide(situation, new CaseCommand.Note(Visibility.PUBLIC));
        Transition internal = machine.decide(situation, new CaseCommand.Note(Visibility.INTERNAL));
        assertEquals("case.note-added.v1", published.publicEventType());
        assertEquals(state, published.to());
        assertNull(internal.publicEventType());
        assertEquals(state, internal.to());
    }

    @Test
    void aTransferredCaseNoOtherDepartmentTakesGoesBackToTriage() {
        Transition route = machine.decide(
                new CaseSituation(CaseKind.COMPLAINT, CaseState.TRANSFERRED, false), new CaseCommand.Route(false));
        assertEquals(CaseState.NEW, route.to());
        assertNull(route.publicEventType());
    }

    @Test
    void routeIsTheSystemsStepOnlyAfterATransfer() {
        assertThrows(
                IllegalTransitionException.class,
                () -> machine.decide(
                        new CaseSituation(CaseKind.COMPLAINT, CaseState.NEW, false), new CaseCommand.Route(true)));
    }

    @Test
    void aRefusalNeedsAGround() {
        InvalidCommandException e = assertThrows(
                InvalidCommandException.class,
                () -> machine.decide(assigned(CaseKind.COMPLAINT), new CaseCommand.Refuse(null)));
        assertEquals("ground", e.field());
    }

    @Test
    void aClosedCaseAllowsNothing() {
        assertEquals(Set.of(), machine.allowedActions(new CaseSituation(CaseKind.REPORT, CaseState.CLOSED, false)));
    }

    static Stream<Arguments> resolutions() {
        return Stream.of(
                // kind, outcome, ground, decision number, fines, confiscations, invalid field (or null)
                Arguments.of(CaseKind.COMPLAINT, Outcome.MEDIATED, null, null, null, null, null),
                Arguments.of(CaseKind.COMPLAINT, Outcome.WITHDRAWN, null, null, null, null, null),
                Arguments.of(
                        CaseKind.COMPLAINT,
                        Outcome.MEDIATION_ENDED,
                        MediationEndingGround.NO_AGREEMENT_POSSIBLE,
                        null,
                        null,
                        null,
                        null),
                Arguments.of(CaseKind.COMPLAINT, Outcome.MEDIATION_ENDED, null, null, null, null, "ground"),
                Arguments.of(
                        CaseKind.COMPLAINT,
                        Outcome.MEDIATED,
                        MediationEndingGround.SETTLED_BY_PARTIES,
                        null,
                        null,
                        null,
                        "ground"),
                Arguments.of(CaseKind.COMPLAINT, Outcome.SUBSTANTIATED, null, "洪市监罚〔2026〕12号", 0L, 0L, "outcome"),
                Arguments.of(CaseKind.COMPLAINT, Outcome.MEDIATED, null, "洪市监罚〔2026〕12号", null, null, "decisionNumber"),
                Arguments.of(CaseKind.REPORT, Outcome.SUBSTANTIATED, null, "洪市监罚〔2026〕12号", 500000L, 0L, null),
                Arguments.of(CaseKind.REPORT, Outcome.SUBSTANTIATED, null, null, 500000L, 0L, "decisionNumber"),
                Arguments.of(CaseKind.REPORT, Outcome.SUBSTANTIATED, null, " ", 500000L, 0L, "decisionNumber"),
                Arguments.of(CaseKind.REPORT, Outcome.SUBSTANTIATED, null, "洪市监罚〔2026〕12号", -1L, 0L, "finesFen"),
                Arguments.of(
                        CaseKind.REPORT, Outcome.SUBSTANTIATED, null, "洪市监罚〔2026〕12号", 0L, null, "confiscationsFen"),
                Arguments.of(CaseKind.REPORT, Outcome.UNSUBSTANTIATED, null, null, null, null, null),
                Arguments.of(CaseKind.REPORT, Outcome.UNSUBSTANTIATED, null, null, 100L, null, "decisionNumber"),
                Arguments.of(CaseKind.REPORT, Outcome.REFERRED_TO_JUDICIARY, null, null, null, null, null),
                Arguments.of(CaseKind.REPORT, Outcome.WITHDRAWN, null, null, null, null, "outcome"),
                Arguments.of(CaseKind.REPORT, null, null, null, null, null, "outcome"));
    }

    @ParameterizedTest(name = "{0} {1} ground={2} decision={3} fines={4} confiscations={5} → invalid {6}")
    @MethodSource("resolutions")
    void eachOutcomeCarriesExactlyWhatTheLawAsks(
            CaseKind kind,
            Outcome outcome,
            MediationEndingGround ground,
            String decision,
            Long fines,
            Long confiscations,
            String invalidField) {
        CaseState working = kind == CaseKind.COMPLAINT ? CaseState.IN_MEDIATION : CaseState.UNDER_INVESTIGATION;
        CaseCommand resolve = new CaseCommand.Resolve(new Resolution(outcome, ground, decision, fines, confiscations));
        CaseSituation situation = new CaseSituation(kind, working, false);
        if (invalidField == null) {
            assertEquals(CaseState.RESOLVED, machine.decide(situation, resolve).to());
        } else {
            InvalidCommandException e =
                    assertThrows(InvalidCommandException.class, () -> machine.decide(situation, resolve));
            assertEquals(invalidField, e.field());
        }
    }

    /** A resolution from ACCEPTED implies the start of the work; from the work itself, nothing more. */
    @Test
    void aResolutionOfAnAcceptedCaseImpliesItsStart() {
        for (CaseKind kind : CaseKind.values()) {
            Transition fromAccepted = machine.decide(
                    new CaseSituation(kind, CaseState.ACCEPTED, false), validCommand(kind, CaseAction.RESOLVE));
            Transition start = machine.impliedStart(fromAccepted, kind).orElseThrow();
            assertEquals(CaseAction.START, start.action());
            assertEquals(
                    kind == CaseKind.COMPLAINT ? CaseState.IN_MEDIATION : CaseState.UNDER_INVESTIGATION, start.to());
            CaseState working = start.to();
            Transition fromWork =
                    machine.decide(new CaseSituation(kind, working, false), validCommand(kind, CaseAction.RESOLVE));
            assertTrue(machine.impliedStart(fromWork, kind).isEmpty());
        }
    }

    @Test
    void clientsSeeActionsByTheirEndpointNames() {
        assertEquals("notes", CaseAction.NOTE.endpoint());
        assertEquals("accept", CaseAction.ACCEPT.endpoint());
        assertEquals("request-materials", CaseAction.REQUEST_MATERIALS.endpoint());
        assertEquals("materials-received", CaseAction.MATERIALS_RECEIVED.endpoint());
    }

    /** While waiting for materials: refuse, resolve, transfer, notes where the state allows them, and the arrival. */
    static Stream<Arguments> waitingSituations() {
        return Stream.of(
                Arguments.of(CaseKind.COMPLAINT, CaseState.ASSIGNED, Set.of("REFUSE", "TRANSFER", "NOTE")),
                Arguments.of(CaseKind.COMPLAINT, CaseState.ACCEPTED, Set.of("RESOLVE", "TRANSFER", "NOTE")),
                Arguments.of(CaseKind.COMPLAINT, CaseState.IN_MEDIATION, Set.of("RESOLVE", "NOTE")),
                Arguments.of(CaseKind.REPORT, CaseState.ASSIGNED, Set.of("REFUSE", "TRANSFER", "NOTE")),
                Arguments.of(CaseKind.REPORT, CaseState.ACCEPTED, Set.of("RESOLVE", "TRANSFER", "NOTE")),
                Arguments.of(CaseKind.REPORT, CaseState.UNDER_INVESTIGATION, Set.of("RESOLVE", "NOTE")));
    }

    @ParameterizedTest(name = "{0} in {1}, waiting for materials: {2} and materials-received")
    @MethodSource("waitingSituations")
    void whileWaitingForMaterialsOnlyTheArrivalRefusalResolutionTransferAndNotesAreAllowed(
            CaseKind kind, CaseState state, Set<String> others) {
        CaseSituation waiting = new CaseSituation(kind, state, false, true);
        Set<CaseAction> expected = EnumSet.of(CaseAction.MATERIALS_RECEIVED);
        others.forEach(name -> expected.add(CaseAction.valueOf(name)));
        assertEquals(expected, machine.allowedActions(waiting));
        for (CaseAction action : CaseAction.values()) {
            if (action == CaseAction.ROUTE) {
                continue;
            }
            if (expected.contains(action)) {
                assertEquals(
                        state,
                        machine.decide(waiting, validCommand(kind, action)).from());
            } else {
                assertThrows(
                        IllegalTransitionException.class, () -> machine.decide(waiting, validCommand(kind, action)));
            }
        }
        Transition arrived = machine.decide(waiting, new CaseCommand.MaterialsReceived());
        assertEquals(state, arrived.to());
        assertEquals("case.materials-received.v1", arrived.publicEventType());
    }

    private static CaseSituation assigned(CaseKind kind) {
        return new CaseSituation(kind, CaseState.ASSIGNED, false);
    }

    private static boolean reachable(CaseKind kind, CaseState state) {
        return !(kind == CaseKind.COMPLAINT && state == CaseState.UNDER_INVESTIGATION)
                && !(kind == CaseKind.REPORT && state == CaseState.IN_MEDIATION);
    }

    private static CaseCommand validCommand(CaseKind kind, CaseAction action) {
        return switch (action) {
            case ASSIGN -> new CaseCommand.Assign();
            case ACCEPT -> new CaseCommand.Accept();
            case REFUSE -> new CaseCommand.Refuse(RefusalGround.OVER_THREE_YEARS);
            case START -> new CaseCommand.Start();
            case TRANSFER -> new CaseCommand.Transfer();
            case ROUTE -> new CaseCommand.Route(true);
            case RESOLVE ->
                new CaseCommand.Resolve(
                        Resolution.of(kind == CaseKind.COMPLAINT ? Outcome.MEDIATED : Outcome.UNSUBSTANTIATED));
            case CLOSE -> new CaseCommand.Close();
            case EXTEND -> new CaseCommand.Extend();
            case REQUEST_MATERIALS -> new CaseCommand.RequestMaterials();
            case MATERIALS_RECEIVED -> new CaseCommand.MaterialsReceived();
            case NOTE -> new CaseCommand.Note(Visibility.INTERNAL);
        };
    }
}
