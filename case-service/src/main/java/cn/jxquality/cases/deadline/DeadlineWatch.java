package cn.jxquality.cases.deadline;

import cn.jxquality.cases.casefile.CaseState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which deadlines the scheduler watches, and in which states each one runs: a deadline stops once the step it
 * limits happened. {@code transferBy} (2 working days from assignment, SAMR Order 121) runs while the case waits
 * with its department undecided: a case that is not the department's must be passed on by then, so accepting,
 * refusing or transferring stops it; one still undecided then is warned at 80 % and escalated as for acceptance.
 */
public final class DeadlineWatch {

    static final Map<String, Set<CaseState>> RUNNING_IN = Map.of(
            CaseDeadlines.ACCEPT_BY, EnumSet.of(CaseState.NEW, CaseState.ASSIGNED),
            CaseDeadlines.TRANSFER_BY, EnumSet.of(CaseState.ASSIGNED),
            CaseDeadlines.VERIFY_BY,
                    EnumSet.of(CaseState.NEW, CaseState.ASSIGNED, CaseState.ACCEPTED, CaseState.UNDER_INVESTIGATION),
            CaseDeadlines.MEDIATION_ENDS_BY, EnumSet.of(CaseState.ACCEPTED, CaseState.IN_MEDIATION));

    /** The watched deadlines, in a fixed order. */
    public static final List<String> WATCHED = List.of(
            CaseDeadlines.ACCEPT_BY,
            CaseDeadlines.TRANSFER_BY,
            CaseDeadlines.VERIFY_BY,
            CaseDeadlines.MEDIATION_ENDS_BY);

    private DeadlineWatch() {}

    /** True when the deadline is set and the case's state is one the deadline limits. */
    public static boolean runs(String name, CaseState state, boolean set) {
        return set && RUNNING_IN.getOrDefault(name, Set.of()).contains(state);
    }
}
