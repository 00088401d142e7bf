package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.CaseKind;

/** What each outcome must and must not carry. */
final class ResolutionRules {

    private ResolutionRules() {}

    static void check(CaseKind kind, Resolution resolution) {
        if (resolution == null || resolution.outcome() == null) {
            throw new InvalidCommandException("outcome", "an outcome is required");
        }
        Outcome outcome = resolution.outcome();
        if (outcome.kind() != kind) {
            throw new InvalidCommandException("outcome", outcome + " is not an outcome of a " + kind);
        }
        checkGround(resolution);
        if (outcome == Outcome.SUBSTANTIATED) {
            checkPenalty(resolution);
        } else if (resolution.hasPenalty()) {
            throw new InvalidCommandException(
                    "decisionNumber", "a penalty decision, fines and confiscations belong only to SUBSTANTIATED");
        }
    }

    private static void checkGround(Resolution resolution) {
        boolean ended = resolution.outcome() == Outcome.MEDIATION_ENDED;
        if (ended && resolution.ground() == null) {
            throw new InvalidCommandException("ground", "MEDIATION_ENDED needs one of the legal grounds");
        }
        if (!ended && resolution.ground() != null) {
            throw new InvalidCommandException("ground", "a ground belongs only to MEDIATION_ENDED");
        }
    }

    private static void checkPenalty(Resolution resolution) {
        if (resolution.decisionNumber() == null || resolution.decisionNumber().isBlank()) {
            throw new InvalidCommandException("decisionNumber", "SUBSTANTIATED needs the penalty decision number");
        }
        checkFen("finesFen", resolution.finesFen());
        checkFen("confiscationsFen", resolution.confiscationsFen());
    }

    private static void checkFen(String field, Long fen) {
        if (fen == null || fen < 0) {
            throw new InvalidCommandException(field, "SUBSTANTIATED needs an amount in fen, zero or more");
        }
    }
}
