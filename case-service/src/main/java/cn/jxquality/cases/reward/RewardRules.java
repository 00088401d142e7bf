package cn.jxquality.cases.reward;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reward rules of DESIGN §5 as values, read from {@code seeds/reward-rules.yaml}; all money in fen, shares
 * and the insider uplift in basis points (10000 = 100 %). Inconsistent rules are refused at load.
 */
public record RewardRules(
        String currency,
        List<RewardLevel> levels,
        long capPerCaseFen,
        long financeApprovalThresholdFen,
        long majorViolationThresholdFen,
        int insiderUpliftBasisPoints,
        int claimWindowWorkingDays,
        RoundingMode rounding,
        Set<ExclusionReason> exclusions) {

    /** 100 % in basis points. */
    public static final int WHOLE_BASIS_POINTS = 10_000;

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public RewardRules {
        if (!"CNY".equals(currency)) {
            throw new IllegalArgumentException("currency must be CNY (amounts are fen)");
        }
        if (levels == null || exclusions == null) {
            throw new IllegalArgumentException("levels and exclusions are required");
        }
        levels = List.copyOf(levels);
        exclusions = Set.copyOf(exclusions);
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).level() != i + 1) {
                throw new IllegalArgumentException("levels must be numbered 1, 2, 3 … in order");
            }
            if (levels.get(i).minimumFen() > capPerCaseFen) {
                throw new IllegalArgumentException("level " + (i + 1) + ": minimumFen is above capPerCaseFen");
            }
        }
        if (levels.isEmpty() || capPerCaseFen <= 0 || financeApprovalThresholdFen <= 0) {
            throw new IllegalArgumentException("levels, capPerCaseFen and financeApprovalThresholdFen are required");
        }
        if (majorViolationThresholdFen < 0 || insiderUpliftBasisPoints < 0 || claimWindowWorkingDays <= 0) {
            throw new IllegalArgumentException(
                    "majorViolationThresholdFen and insiderUpliftBasisPoints must not be negative, "
                            + "claimWindowWorkingDays must be positive");
        }
        if (rounding == null || rounding == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("rounding must say how to round to whole fen");
        }
    }

    /** Reads the rules from a YAML document shaped like {@code seeds/reward-rules.yaml}; unknown keys are refused. */
    public static RewardRules fromYaml(InputStream yaml) {
        try (yaml) {
            return YAML.readValue(yaml, RewardRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<RewardLevel> level(int level) {
        return level >= 1 && level <= levels.size() ? Optional.of(levels.get(level - 1)) : Optional.empty();
    }
}
