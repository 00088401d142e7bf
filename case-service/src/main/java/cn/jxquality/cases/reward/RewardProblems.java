package cn.jxquality.cases.reward;

import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import org.hibernate.StaleStateException;

/** Turns the reward rules' refusals into the service's problem details: 400 by field, 403, 409 with allowed actions. */
final class RewardProblems {

    private RewardProblems() {}

    static ProblemException of(RewardRefusedException e) {
        return new ProblemException(problem(e));
    }

    static ProblemException notEligible(String detail) {
        return new ProblemException(Problem.of("reward-not-eligible", "Not eligible for a reward", 409, detail));
    }

    /** An earlier or same-day report about the enterprise is still open: the first reporter is not known yet. */
    static ProblemException firstReporterUndecided(String detail) {
        return new ProblemException(
                Problem.of("reward-first-reporter-undecided", "First reporter not known yet", 409, detail));
    }

    static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of("reward-conflict", "Conflict", 409, detail));
    }

    static ProblemException stale() {
        return ProblemException.stale("The reward changed meanwhile; read it again.");
    }

    /** Two writers read the same version; the second one's flush found it gone and was rolled back. */
    static boolean lostRace(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof StaleStateException || e instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static Problem problem(RewardRefusedException e) {
        return switch (e.refusal()) {
            case INVALID -> {
                String field = e instanceof InvalidRewardInputException invalid ? invalid.field() : "body";
                yield Problem.invalid(List.of(new Problem.Violation(field, e.getMessage())));
            }
            case FORBIDDEN -> Problem.of("four-eyes", "Forbidden", 403, e.getMessage());
            case CONFLICT ->
                e instanceof IllegalRewardTransitionException illegal
                        ? Problem.illegalTransition(
                                e.getMessage(),
                                illegal.allowed().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .toList())
                        : Problem.of("reward-conflict", "Conflict", 409, e.getMessage());
        };
    }
}
