package cn.jxquality.cases.reward;

/**
 * What a substantiated report's case imposed: fines and confiscations in fen (either may be 0) and whether the
 * case was referred to the judiciary. Negative amounts, and a sum beyond {@code long}, are refused by field.
 */
public record Penalty(long finesFen, long confiscationsFen, boolean referredToJudiciary) {

    public Penalty {
        if (finesFen < 0) {
            throw new InvalidRewardInputException("finesFen", "must not be negative");
        }
        if (confiscationsFen < 0) {
            throw new InvalidRewardInputException("confiscationsFen", "must not be negative");
        }
        if (finesFen > Long.MAX_VALUE - confiscationsFen) {
            throw new InvalidRewardInputException(
                    "confiscationsFen", "finesFen + confiscationsFen must not exceed " + Long.MAX_VALUE + " fen");
        }
    }

    /** Fines plus confiscations: what the level's share is taken of. */
    public long baseFen() {
        return finesFen + confiscationsFen;
    }
}
