package cn.jxquality.cases.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.platform.calendar.WorkingDayCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RewardStateMachineTest {

    static final WorkingDayCalendar CALENDAR = seededCalendar();
    static final RewardStateMachine MACHINE = new RewardStateMachine(CALENDAR, SeededRewardRules.RULES);

    static final String REVIEWER = "reviewer1";
    static final String APPROVER = "approver1";
    static final String FINANCE = "finance1";
    /** 30 working days after Monday 2026-03-02: one more than weekdays alone, for Qingming Monday, 6 April. */
    static final LocalDate DEADLINE = LocalDate.parse("2026-04-14");

    static WorkingDayCalendar seededCalendar() {
        try (InputStream csv = Files.newInputStream(Path.of("..", "seeds", "calendar", "cn-calendar-2026.csv"))) {
            return WorkingDayCalendar.fromCsv(csv);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reward in each state, with finance approval required (so every approval is on record). */
    static RewardSituation in(RewardState state) {
        return switch (state) {
            case PROPOSED -> new RewardSituation(state, REVIEWER, true, null, null, null);
            case REJECTED -> new RewardSituation(state, REVIEWER, true, null, null, null);
            case APPROVED -> new RewardSituation(state, REVIEWER, true, APPROVER, FINANCE, null);
            case NOTIFIED, CLAIMED, PAID, EXPIRED ->
                new RewardSituation(state, REVIEWER, true, APPROVER, FINANCE, DEADLINE);
        };
    }

    /** One command per action, from people allowed to take it, on days that fit the window. */
    static RewardCommand commandFor(RewardAction action) {
        return switch (action) {
            case APPROVE -> new RewardCommand.Approve("approver2");
            case APPROVE_AS_FINANCE -> new RewardCommand.ApproveAsFinance("finance2");
            case REJECT -> new RewardCommand.Reject("approver2", "the evidence does not match the penalty");
            case NOTIFY -> new RewardCommand.Notify(LocalDate.parse("2026-03-02"));
            case CLAIM -> new RewardCommand.Claim(DEADLINE);
            case PAY -> new RewardCommand.Pay("PAY-20260415-0001");
            case EXPIRE -> new RewardCommand.Expire(DEADLINE.plusDays(1));
        };
    }

    /** What each state does with each action: the state reached, or the refusal's type. */
    static final Map<RewardState, Map<RewardAction, Object>> TABLE = table();

    static Map<RewardState, Map<RewardAction, Object>> table() {
        Map<RewardState, Map<RewardAction, Object>> table = new EnumMap<>(RewardState.class);
        Object illegal = IllegalRewardTransitionException.class;
        Object twice = RewardAlreadyApprovedException.class;
        row(
                table,
                RewardState.PROPOSED,
                RewardState.PROPOSED,
                RewardState.PROPOSED,
                RewardState.REJECTED,
                illegal,
                illegal,
                illegal,
                illegal);
        row(table, RewardState.APPROVED, twice, twice, illegal, RewardState.NOTIFIED, illegal, illegal, illegal);
        row(
                table,
                RewardState.REJECTED,
                illegal,
                illegal,
                illegal,
                illegal,
                illegal,
                RewardNotPayableException.class,
                illegal);
        row(
                table,
                RewardState.NOTIFIED,
                twice,
                twice,
                illegal,
                illegal,
                RewardState.CLAIMED,
                illegal,
                RewardState.EXPIRED);
        row(table, RewardState.CLAIMED, twice, twice, illegal, illegal, illegal, RewardState.PAID, illegal);
        row(
                table,
                RewardState.PAID,
                twice,
                twice,
                illegal,
                illegal,
                illegal,
                RewardAlreadyPaidException.class,
                illegal);
        row(
                table,
                RewardState.EXPIRED,
                twice,
                twice,
                illegal,
                illegal,
                ClaimWindowClosedException.class,
                illegal,
                illegal);
        return table;
    }

    /** Outcomes in the order of {@link RewardAction}. */
    static void row(Map<RewardState, Map<RewardAction, Object>> table, RewardState state, Object... outcomes) {
        Map<RewardAction, Object> row = new EnumMap<>(RewardAction.class);
        for (RewardAction action : RewardAction.values()) {
            row.put(action, outcomes[action.ordinal()]);
        }
        table.put(state, row);
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> pairs = new ArrayList<>();
        for (RewardState state : RewardState.values()) {
            for (RewardAction action : RewardAction.values()) {
                pairs.add(Arguments.of(state, action));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("everyStateAndAction")
    void everyStateAndActionDoesWhatTheTableSays(RewardState state, RewardAction action) {
        RewardSituation before = in(state);
        Object expected = TABLE.get(state).get(action);
        if (expected instanceof RewardState target) {
            assertEquals(target, MACHINE.decide(before, commandFor(action)).state());
            assertTrue(MACHINE.allowedActions(before).contains(action));
        } else {
            RewardRefusedException refused =
                    assertThrows(RewardRefusedException.class, () -> MACHINE.decide(before, commandFor(action)));
            assertEquals(expected, refused.getClass());
            assertFalse(MACHINE.allowedActions(before).contains(action));
            assertEquals(in(state), before, "a refused step changes nothing");
        }
    }

    @Test
    void refusalsMapToTheirStatus() {
        assertEquals(
                RewardRefusedException.Refusal.CONFLICT,
                new IllegalRewardTransitionException(RewardAction.PAY, RewardState.NOTIFIED, Set.of()).refusal());
        assertEquals(RewardRefusedException.Refusal.CONFLICT, new RewardAlreadyApprovedException("x").refusal());
        assertEquals(RewardRefusedException.Refusal.CONFLICT, new ClaimWindowClosedException("x").refusal());
        assertEquals(RewardRefusedException.Refusal.CONFLICT, new RewardNotPayableException("x").refusal());
        assertEquals(RewardRefusedException.Refusal.CONFLICT, new RewardAlreadyPaidException("x").refusal());
        assertEquals(RewardRefusedException.Refusal.FORBIDDEN, new FourEyesViolationException("x").refusal());
        assertEquals(RewardRefusedException.Refusal.INVALID, new InvalidRewardInputException("f", "x").refusal());
    }

    @Test
    void anIllegalStepNamesWhatIsAllowed() {
        IllegalRewardTransitionException e = assertThrows(
                IllegalRewardTransitionException.class,
                () -> MACHINE.decide(in(RewardState.NOTIFIED), new RewardCommand.Pay("P-1")));
        assertEquals(Set.of(RewardAction.CLAIM, RewardAction.EXPIRE), e.allowed());
        assertEquals("A reward in state NOTIFIED cannot be paid.", e.getMessage());
    }

    // ---- four eyes

    static RewardSituation proposed(boolean financeRequired) {
        return new RewardSituation(RewardState.PROPOSED, REVIEWER, financeRequired, null, null, null);
    }

    @Test
    void oneApprovalByAnotherPersonApprovesASmallReward() {
        RewardSituation approved = MACHINE.decide(proposed(false), new RewardCommand.Approve(APPROVER));
        assertEquals(RewardState.APPROVED, approved.state());
        assertEquals(APPROVER, approved.approver());
    }

    @Test
    void nobodyApprovesTheirOwnProposal() {
        FourEyesViolationException e = assertThrows(
                FourEyesViolationException.class,
                () -> MACHINE.decide(proposed(false), new RewardCommand.Approve(REVIEWER)));
        assertEquals(RewardRefusedException.Refusal.FORBIDDEN, e.refusal());
        assertThrows(
                FourEyesViolationException.class,
                () -> MACHINE.decide(proposed(true), new RewardCommand.ApproveAsFinance(REVIEWER)));
    }

    @Test
    void nobodyRejectsTheirOwnProposal() {
        assertThrows(
                FourEyesViolationException.class,
                () -> MACHINE.decide(proposed(false), new RewardCommand.Reject(REVIEWER, "changed my mind")));
    }

    @Test
    void aLargeRewardWaitsForFinanceAfterTheApprover() {
        RewardSituation half = MACHINE.decide(proposed(true), new RewardCommand.Approve(APPROVER));
        assertEquals(RewardState.PROPOSED, half.state());
        assertEquals(Set.of(RewardAction.APPROVE_AS_FINANCE, RewardAction.REJECT), MACHINE.allowedActions(half));
        RewardSituation whole = MACHINE.decide(half, new RewardCommand.ApproveAsFinance(FINANCE));
        assertEquals(RewardState.APPROVED, whole.state());
        assertEquals(FINANCE, whole.financeApprover());
    }

    @Test
    void financeMayApproveFirst() {
        RewardSituation half = MACHINE.decide(proposed(true), new RewardCommand.ApproveAsFinance(FINANCE));
        assertEquals(RewardState.PROPOSED, half.state());
        assertEquals(Set.of(RewardAction.APPROVE, RewardAction.REJECT), MACHINE.allowedActions(half));
        assertEquals(
                RewardState.APPROVED,
                MACHINE.decide(half, new RewardCommand.Approve(APPROVER)).state());
    }

    @Test
    void theTwoApprovalsAreTwoPeople() {
        RewardSituation byApprover = MACHINE.decide(proposed(true), new RewardCommand.Approve(APPROVER));
        assertThrows(
                FourEyesViolationException.class,
                () -> MACHINE.decide(byApprover, new RewardCommand.ApproveAsFinance(APPROVER)));
        RewardSituation byFinance = MACHINE.decide(proposed(true), new RewardCommand.ApproveAsFinance(FINANCE));
        assertThrows(
                FourEyesViolationException.class, () -> MACHINE.decide(byFinance, new RewardCommand.Approve(FINANCE)));
    }

    @Test
    void approvingTwiceIsRefused() {
        RewardSituation half = MACHINE.decide(proposed(true), new RewardCommand.Approve(APPROVER));
        assertThrows(
                RewardAlreadyApprovedException.class, () -> MACHINE.decide(half, new RewardCommand.Approve(APPROVER)));
        assertThrows(
                RewardAlreadyApprovedException.class,
                () -> MACHINE.decide(half, new RewardCommand.Approve("approver2")));
        RewardSituation approved = MACHINE.decide(proposed(false), new RewardCommand.Approve(APPROVER));
        assertThrows(
                RewardAlreadyApprovedException.class,
                () -> MACHINE.decide(approved, new RewardCommand.Approve(APPROVER)));
    }

    @Test
    void aSmallRewardNeedsNoFinanceApproval() {
        assertEquals(Set.of(RewardAction.APPROVE, RewardAction.REJECT), MACHINE.allowedActions(proposed(false)));
        assertThrows(
                IllegalRewardTransitionException.class,
                () -> MACHINE.decide(proposed(false), new RewardCommand.ApproveAsFinance(FINANCE)));
    }

    @Test
    void financeMayRejectAfterTheApprover() {
        RewardSituation half = MACHINE.decide(proposed(true), new RewardCommand.Approve(APPROVER));
        RewardSituation rejected = MACHINE.decide(half, new RewardCommand.Reject(FINANCE, "amount not justified"));
        assertEquals(RewardState.REJECTED, rejected.state());
        assertThrows(
                IllegalRewardTransitionException.class,
                () -> MACHINE.decide(rejected, new RewardCommand.Approve("approver2")));
        assertThrows(
                IllegalRewardTransitionException.class,
                () -> MACHINE.decide(rejected, new RewardCommand.ApproveAsFinance(FINANCE)));
        assertThrows(RewardNotPayableException.class, () -> MACHINE.decide(rejected, new RewardCommand.Pay("P-1")));
    }

    @Test
    void aProposalTakesFinanceFromTheAmount() {
        RewardCalculator calculator = new RewardCalculator(SeededRewardRules.RULES);
        RewardAmount small = calculator.compute(1, new Penalty(0, 0, false), false);
        RewardAmount large = calculator.compute(1, new Penalty(1_000_000_000L, 0, false), false);
        assertFalse(RewardSituation.proposed(REVIEWER, small).financeApprovalRequired());
        assertTrue(RewardSituation.proposed(REVIEWER, large).financeApprovalRequired());
        assertEquals(
                RewardState.PROPOSED, RewardSituation.proposed(REVIEWER, large).state());
    }

    // ---- the claim window

    static RewardSituation approved() {
        return new RewardSituation(RewardState.APPROVED, REVIEWER, false, APPROVER, null, null);
    }

    @Test
    void notifyingOpensThirtyWorkingDays() {
        RewardSituation notified = MACHINE.decide(approved(), new RewardCommand.Notify(LocalDate.parse("2026-03-02")));
        assertEquals(RewardState.NOTIFIED, notified.state());
        assertEquals(DEADLINE, notified.claimDeadline());
    }

    @Test
    void theClaimWindowStretchesOverTheNationalDayHolidays() {
        // notified Wednesday 23 September 2026: 25-27 September and 1-7 October are days off, Saturday 10 October
        // is a make-up working day, so the 30th working day is 11 November (weekdays alone: 4 November)
        RewardSituation notified = MACHINE.decide(approved(), new RewardCommand.Notify(LocalDate.parse("2026-09-23")));
        assertEquals(LocalDate.parse("2026-11-11"), notified.claimDeadline());
        assertEquals(
                RewardState.CLAIMED,
                MACHINE.decide(notified, new RewardCommand.Claim(LocalDate.parse("2026-11-11")))
                        .state());
        assertThrows(
                ClaimWindowClosedException.class,
                () -> MACHINE.decide(notified, new RewardCommand.Claim(LocalDate.parse("2026-11-12"))));
        assertEquals(
                RewardState.EXPIRED,
                MACHINE.decide(notified, new RewardCommand.Expire(LocalDate.parse("2026-11-12")))
                        .state());
    }

    @Test
    void theClaimWindowStretchesOverTheSpringFestival() {
        RewardSituation notified = MACHINE.decide(approved(), new RewardCommand.Notify(LocalDate.parse("2026-02-13")));
        // 15-23 February off, Saturdays 14 and 28 February worked: 2 April (weekdays alone: 27 March)
        assertEquals(LocalDate.parse("2026-04-02"), notified.claimDeadline());
    }

    @Test
    void aClaimOnTheLastDayIsInTime() {
        RewardSituation claimed = MACHINE.decide(in(RewardState.NOTIFIED), new RewardCommand.Claim(DEADLINE));
        assertEquals(RewardState.CLAIMED, claimed.state());
    }

    @Test
    void aClaimTheDayAfterIsTooLateEvenBeforeTheSchedulerExpiresIt() {
        ClaimWindowClosedException e = assertThrows(
                ClaimWindowClosedException.class,
                () -> MACHINE.decide(in(RewardState.NOTIFIED), new RewardCommand.Claim(DEADLINE.plusDays(1))));
        assertEquals(RewardRefusedException.Refusal.CONFLICT, e.refusal());
    }

    @Test
    void anExpiredRewardCannotBeClaimedEvenWithinTheOldWindow() {
        assertThrows(
                ClaimWindowClosedException.class,
                () -> MACHINE.decide(in(RewardState.EXPIRED), new RewardCommand.Claim(DEADLINE.minusDays(10))));
    }

    @Test
    void theSchedulerCannotExpireARewardOnItsLastDay() {
        IllegalRewardTransitionException e = assertThrows(
                IllegalRewardTransitionException.class,
                () -> MACHINE.decide(in(RewardState.NOTIFIED), new RewardCommand.Expire(DEADLINE)));
        assertTrue(e.getMessage().contains(DEADLINE.toString()));
        assertEquals(
                RewardState.EXPIRED,
                MACHINE.decide(in(RewardState.NOTIFIED), new RewardCommand.Expire(DEADLINE.plusDays(1)))
                        .state());
    }

    // ---- payout

    @Test
    void aPaidRewardIsNotPaidAgain() {
        RewardSituation paid = MACHINE.decide(in(RewardState.CLAIMED), new RewardCommand.Pay("P-1"));
        assertEquals(RewardState.PAID, paid.state());
        assertThrows(RewardAlreadyPaidException.class, () -> MACHINE.decide(paid, new RewardCommand.Pay("P-2")));
    }

    @Test
    void theWholeWayFromProposalToPayout() {
        RewardSituation reward = proposed(true);
        reward = MACHINE.decide(reward, new RewardCommand.Approve(APPROVER));
        reward = MACHINE.decide(reward, new RewardCommand.ApproveAsFinance(FINANCE));
        reward = MACHINE.decide(reward, new RewardCommand.Notify(LocalDate.parse("2026-03-02")));
        reward = MACHINE.decide(reward, new RewardCommand.Claim(LocalDate.parse("2026-03-20")));
        reward = MACHINE.decide(reward, new RewardCommand.Pay("P-1"));
        assertEquals(new RewardSituation(RewardState.PAID, REVIEWER, true, APPROVER, FINANCE, DEADLINE), reward);
    }

    // ---- commands and situations

    @Test
    void commandsWithoutTheirFactsAreRefusedNamingTheField() {
        assertField("approver", () -> new RewardCommand.Approve(" "));
        assertField("financeApprover", () -> new RewardCommand.ApproveAsFinance(null));
        assertField("rejector", () -> new RewardCommand.Reject(null, "r"));
        assertField("reason", () -> new RewardCommand.Reject(APPROVER, ""));
        assertField("notifiedOn", () -> new RewardCommand.Notify(null));
        assertField("claimedOn", () -> new RewardCommand.Claim(null));
        assertField("paymentReference", () -> new RewardCommand.Pay(" "));
        assertField("today", () -> new RewardCommand.Expire(null));
    }

    static void assertField(String field, org.junit.jupiter.api.function.Executable creation) {
        assertEquals(
                field, assertThrows(InvalidRewardInputException.class, creation).field());
    }

    @Test
    void inconsistentSituationsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RewardSituation(RewardState.APPROVED, REVIEWER, true, APPROVER, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RewardSituation(RewardState.APPROVED, REVIEWER, false, null, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RewardSituation(RewardState.NOTIFIED, REVIEWER, false, APPROVER, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RewardSituation(RewardState.PROPOSED, REVIEWER, false, null, null, DEADLINE));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RewardSituation(RewardState.PROPOSED, " ", false, null, null, null));
    }
}
