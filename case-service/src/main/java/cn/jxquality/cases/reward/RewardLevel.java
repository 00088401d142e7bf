package cn.jxquality.cases.reward;

/** One level of DESIGN §5's table: its share of fines plus confiscations (basis points) and its minimum in fen. */
public record RewardLevel(int level, String description, int shareBasisPoints, long minimumFen) {

    public RewardLevel {
        if (shareBasisPoints < 0 || shareBasisPoints > RewardRules.WHOLE_BASIS_POINTS) {
            throw new IllegalArgumentException("level " + level + ": shareBasisPoints must be 0 to 10000");
        }
        if (minimumFen < 0) {
            throw new IllegalArgumentException("level " + level + ": minimumFen must not be negative");
        }
    }
}
