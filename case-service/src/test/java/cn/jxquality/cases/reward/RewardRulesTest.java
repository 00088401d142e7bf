package cn.jxquality.cases.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RewardRulesTest {

    static final List<RewardLevel> LEVELS = List.of(
            new RewardLevel(1, "one", 500, 500_000),
            new RewardLevel(2, "two", 300, 300_000),
            new RewardLevel(3, "three", 100, 100_000));

    @Test
    void theSeededFileHoldsDesignSection5() {
        RewardRules rules = SeededRewardRules.RULES;
        assertEquals("CNY", rules.currency());
        assertEquals(
                List.of(500, 300, 100),
                rules.levels().stream().map(RewardLevel::shareBasisPoints).toList());
        assertEquals(
                List.of(500_000L, 300_000L, 100_000L),
                rules.levels().stream().map(RewardLevel::minimumFen).toList());
        assertEquals(100_000_000L, rules.capPerCaseFen());
        assertEquals(50_000_000L, rules.financeApprovalThresholdFen());
        assertEquals(10_000_000L, rules.majorViolationThresholdFen());
        assertEquals(5_000, rules.insiderUpliftBasisPoints());
        assertEquals(30, rules.claimWindowWorkingDays());
        assertEquals(RoundingMode.HALF_UP, rules.rounding());
        assertEquals(EnumSet.allOf(ExclusionReason.class), rules.exclusions());
        assertTrue(rules.level(1).orElseThrow().description().contains("直接证据"));
    }

    @Test
    void levelsAreLookedUpByNumber() {
        RewardRules rules = SeededRewardRules.RULES;
        assertEquals(3, rules.level(3).orElseThrow().level());
        assertTrue(rules.level(0).isEmpty());
        assertTrue(rules.level(4).isEmpty());
    }

    @Test
    void anUnknownKeyInTheFileIsRefused() throws IOException {
        String yaml = Files.readString(SeededRewardRules.FILE) + "\nbonusForFriends: 1\n";
        assertThrows(
                UncheckedIOException.class,
                () -> RewardRules.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anUnknownExclusionCodeIsRefused() throws IOException {
        String yaml = Files.readString(SeededRewardRules.FILE).replace("- PAID_REPORTER", "- NEIGHBOUR");
        assertThrows(
                UncheckedIOException.class,
                () -> RewardRules.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void levelsOutOfOrderAreRefused() {
        List<RewardLevel> swapped = List.of(LEVELS.get(1), LEVELS.get(0), LEVELS.get(2));
        assertThrows(IllegalArgumentException.class, () -> rules(swapped, 100_000_000L, RoundingMode.HALF_UP));
    }

    @Test
    void aMinimumAboveTheCapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> rules(LEVELS, 400_000L, RoundingMode.HALF_UP));
    }

    @Test
    void roundingMustBeStated() {
        assertThrows(IllegalArgumentException.class, () -> rules(LEVELS, 100_000_000L, RoundingMode.UNNECESSARY));
        assertThrows(IllegalArgumentException.class, () -> rules(LEVELS, 100_000_000L, null));
    }

    @Test
    void aShareAboveTheWholeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RewardLevel(1, "x", 10_001, 0));
        assertThrows(IllegalArgumentException.class, () -> new RewardLevel(1, "x", -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RewardLevel(1, "x", 500, -1));
    }

    @Test
    void anotherCurrencyIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RewardRules(
                        "USD", LEVELS, 100_000_000L, 50_000_000L, 0, 0, 30, RoundingMode.HALF_UP, Set.of()));
    }

    static RewardRules rules(List<RewardLevel> levels, long cap, RoundingMode rounding) {
        return new RewardRules("CNY", levels, cap, 50_000_000L, 10_000_000L, 5_000, 30, rounding, Set.of());
    }
}
