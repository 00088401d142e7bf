package cn.jxquality.cases.handling;

/**
 * The result a department records: the outcome, the ground when mediation ended, and for a substantiated
 * report the penalty decision number (处罚决定书文号) with fines and confiscations in fen.
 */
public record Resolution(
        Outcome outcome, MediationEndingGround ground, String decisionNumber, Long finesFen, Long confiscationsFen) {

    public static Resolution of(Outcome outcome) {
        return new Resolution(outcome, null, null, null, null);
    }

    boolean hasPenalty() {
        return decisionNumber != null || finesFen != null || confiscationsFen != null;
    }
}
