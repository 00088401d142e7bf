package cn.jxquality.cases.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Properties of the amounts over many bases: tens of thousands of pseudo-random bases spread over every order of
 * magnitude up to {@code Long.MAX_VALUE}, plus every boundary of the table. The generator has a fixed seed so a
 * failure repeats; each assertion names the base. (Plain JUnit: case-service has no jqwik dependency.)
 */
class RewardCalculatorPropertiesTest {

    static final RewardRules RULES = SeededRewardRules.RULES;
    static final RewardCalculator CALCULATOR = new RewardCalculator(RULES);
    static final long[] BASES = bases();

    static long[] bases() {
        Random random = new Random(20_211_201L);
        List<Long> bases = new ArrayList<>(List.of(0L, 1L, Long.MAX_VALUE, Long.MAX_VALUE - 1));
        for (long boundary : new long[] {
            10_000_000L,
            1_000_000_000L,
            2_000_000_000L,
            1_666_666_667L,
            3_333_333_333L,
            5_000_000_000L,
            10_000_000_000L,
            1_333_333_333L
        }) {
            LongStream.rangeClosed(-40, 40).forEach(delta -> bases.add(boundary + delta));
        }
        for (int i = 0; i < 20_000; i++) {
            int bits = 1 + random.nextInt(63);
            bases.add(random.nextLong() >>> (64 - bits));
        }
        return bases.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static long amount(int level, long base, boolean insider) {
        return CALCULATOR.compute(level, new Penalty(base, 0, false), insider).amountFen();
    }

    @Test
    void theAmountGrowsWithTheBase() {
        for (int level = 1; level <= 3; level++) {
            for (boolean insider : new boolean[] {false, true}) {
                long previous = 0;
                for (long base : BASES) {
                    long amount = amount(level, base, insider);
                    assertTrue(amount >= previous, "level " + level + ", base " + base + ", insider " + insider);
                    previous = amount;
                }
            }
        }
    }

    @Test
    void theAmountStaysBetweenTheMinimumAndTheCap() {
        for (RewardLevel level : RULES.levels()) {
            for (long base : BASES) {
                for (boolean insider : new boolean[] {false, true}) {
                    long amount = amount(level.level(), base, insider);
                    assertTrue(amount >= level.minimumFen(), "below the minimum at base " + base);
                    assertTrue(amount <= RULES.capPerCaseFen(), "above the cap at base " + base);
                }
            }
        }
    }

    @Test
    void aHigherLevelNeverEarnsLess() {
        for (long base : BASES) {
            for (boolean insider : new boolean[] {false, true}) {
                long one = amount(1, base, insider);
                long two = amount(2, base, insider);
                long three = amount(3, base, insider);
                assertTrue(one >= two && two >= three, "base " + base + ": " + one + ", " + two + ", " + three);
            }
        }
    }

    @Test
    void anInsiderNeverEarnsLess() {
        for (long base : BASES) {
            for (int level = 1; level <= 3; level++) {
                assertTrue(amount(level, base, true) >= amount(level, base, false), "base " + base);
            }
        }
    }

    @Test
    void theAmountIsTheSeededFormulaInIntegers() {
        for (long base : BASES) {
            for (RewardLevel level : RULES.levels()) {
                for (boolean insider : new boolean[] {false, true}) {
                    assertEquals(
                            oracle(level, base, insider),
                            amount(level.level(), base, insider),
                            "level " + level.level() + ", base " + base + ", insider " + insider);
                }
            }
        }
    }

    @Test
    void financeApprovesExactlyTheLargeAndTheInsiderAwards() {
        for (long base : BASES) {
            for (int level = 1; level <= 3; level++) {
                for (boolean insider : new boolean[] {false, true}) {
                    RewardAmount amount = CALCULATOR.compute(level, new Penalty(base, 0, false), insider);
                    assertEquals(
                            insider || amount.amountFen() >= RULES.financeApprovalThresholdFen(),
                            amount.financeApprovalRequired(),
                            "level " + level + ", base " + base);
                }
            }
        }
    }

    @Test
    void howTheBaseIsSplitBetweenFinesAndConfiscationsDoesNotMatter() {
        Random random = new Random(7L);
        for (long base : BASES) {
            long fines = base == 0 ? 0 : Math.floorMod(random.nextLong(), base + (base < Long.MAX_VALUE ? 1 : 0));
            assertEquals(
                    CALCULATOR.compute(2, new Penalty(base, 0, false), false),
                    CALCULATOR.compute(2, new Penalty(fines, base - fines, false), false),
                    "base " + base + " as fines " + fines);
        }
    }

    /** An independent integer implementation of the seeded rule: HALF_UP is floor((2 x n + d) / 2d). */
    static long oracle(RewardLevel level, long base, boolean insider) {
        BigInteger amount = halfUp(BigInteger.valueOf(base).multiply(BigInteger.valueOf(level.shareBasisPoints())));
        amount = amount.max(BigInteger.valueOf(level.minimumFen()));
        if (insider) {
            amount = halfUp(amount.multiply(BigInteger.valueOf(10_000L + RULES.insiderUpliftBasisPoints())));
        }
        return amount.min(BigInteger.valueOf(RULES.capPerCaseFen())).longValueExact();
    }

    static BigInteger halfUp(BigInteger tenThousandths) {
        BigInteger whole = BigInteger.valueOf(10_000L);
        return tenThousandths.shiftLeft(1).add(whole).divide(whole.shiftLeft(1));
    }
}
