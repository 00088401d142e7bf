package cn.jxquality.cases.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The amount table of DESIGN §5 at and around every boundary, on the seeded rules (HALF_UP to the fen). */
class RewardCalculatorTest {

    static final RewardCalculator CALCULATOR = new RewardCalculator(SeededRewardRules.RULES);

    @ParameterizedTest(name = "level {0}, base {1} fen -> {2} fen (minimum {3}, capped {4}, finance {5})")
    @CsvSource({
        // level 1: 5 %, minimum ¥5,000 (also with no fine); 5 % reaches the minimum at a base of ¥100,000
        "1, 0,             500000,    true,  false, false",
        "1, 1,             500000,    true,  false, false",
        "1, 9999989,       500000,    true,  false, false", // 499,999.45 rounds down, the minimum wins
        "1, 9999990,       500000,    false, false, false", // 499,999.5 rounds up to exactly the minimum
        "1, 10000000,      500000,    false, false, false",
        "1, 10000009,      500000,    false, false, false", // 500,000.45
        "1, 10000010,      500001,    false, false, false", // 500,000.5
        "1, 10000020,      500001,    false, false, false",
        // level 1: the ¥500,000 finance step (a base of ¥10,000,000)
        "1, 999999989,     49999999,  false, false, false",
        "1, 999999990,     50000000,  false, false, true", // rounding up reaches the step
        "1, 1000000000,    50000000,  false, false, true",
        "1, 1000000020,    50000001,  false, false, true",
        // level 1: the ¥1,000,000 cap (a base of ¥20,000,000)
        "1, 1999999969,    99999998,  false, false, true", // 99,999,998.45
        "1, 1999999990,    100000000, false, false, true", // 99,999,999.5 rounds up to exactly the cap
        "1, 2000000000,    100000000, false, false, true",
        "1, 2000000010,    100000000, false, true,  true", // 100,000,000.5 -> 100,000,001 -> cap
        "1, 9223372036854775807, 100000000, false, true, true",
        // level 2: 3 %, minimum ¥3,000
        "2, 0,             300000,    true,  false, false",
        "2, 9999983,       300000,    true,  false, false", // 299,999.49
        "2, 9999984,       300000,    false, false, false", // 299,999.52 rounds up to the minimum
        "2, 10000017,      300001,    false, false, false", // 300,000.51
        "2, 1666666649,    49999999,  false, false, false", // 49,999,999.47
        "2, 1666666650,    50000000,  false, false, true", // 49,999,999.5
        "2, 3333333316,    99999999,  false, false, true", // 99,999,999.48
        "2, 3333333350,    100000000, false, true,  true", // 100,000,000.5 -> cap
        // level 3: 1 %, minimum ¥1,000
        "3, 0,             100000,    true,  false, false",
        "3, 9999949,       100000,    true,  false, false", // 99,999.49
        "3, 9999950,       100000,    false, false, false", // 99,999.5
        "3, 10000050,      100001,    false, false, false", // 100,000.5
        "3, 4999999949,    49999999,  false, false, false", // 49,999,999.49
        "3, 4999999950,    50000000,  false, false, true", // 49,999,999.5
        "3, 10000000000,   100000000, false, false, true",
        "3, 10000000050,   100000000, false, true,  true" // 100,000,000.5 -> cap
    })
    void theAmountTable(
            int level, long baseFen, long amountFen, boolean minimumApplied, boolean capped, boolean finance) {
        RewardAmount amount = CALCULATOR.compute(level, new Penalty(baseFen, 0, false), false);
        assertEquals(amountFen, amount.amountFen());
        assertEquals(minimumApplied, amount.minimumApplied());
        assertEquals(capped, amount.capped());
        assertEquals(finance, amount.financeApprovalRequired());
        assertEquals(baseFen, amount.baseFen());
        assertEquals(level, amount.level());
        assertFalse(amount.insiderUplift());
    }

    @ParameterizedTest(name = "insider, level {0}, base {1} fen -> {2} fen (capped {3})")
    @CsvSource({
        "1, 0,          750000,    false", // the minimum, +50 %
        "2, 0,          450000,    false",
        "3, 0,          150000,    false",
        "1, 10000020,   750002,    false", // 500,001 x 1.5 = 750,001.5 rounds up
        "3, 10000050,   150002,    false", // 100,001 x 1.5 = 150,001.5
        "1, 1333333320, 99999999,  false", // 66,666,666 x 1.5
        "1, 1333333330, 100000000, true", // 66,666,666.5 -> 66,666,667 x 1.5 = 100,000,000.5 -> cap
        "1, 1333333340, 100000000, true",
        "1, 2000000000, 100000000, true" // the uplift never passes the cap
    })
    void insidersGetTheUpliftAfterTheMinimumAndBeforeTheCap(int level, long baseFen, long amountFen, boolean capped) {
        RewardAmount amount = CALCULATOR.compute(level, new Penalty(baseFen, 0, false), true);
        assertEquals(amountFen, amount.amountFen());
        assertEquals(capped, amount.capped());
        assertTrue(amount.insiderUplift());
    }

    @Test
    void anInsiderAwardAlwaysNeedsFinanceWhateverItsAmount() {
        RewardAmount smallest = CALCULATOR.compute(3, new Penalty(0, 0, false), true);
        assertEquals(150_000, smallest.amountFen());
        assertTrue(smallest.financeApprovalRequired());
    }

    @Test
    void theShareIsTakenOfFinesPlusConfiscations() {
        RewardAmount amount = CALCULATOR.compute(1, new Penalty(5_000_000, 5_000_010, false), false);
        assertEquals(10_000_010, amount.baseFen());
        assertEquals(500_001, amount.amountFen());
        assertEquals(
                CALCULATOR.compute(1, new Penalty(10_000_010, 0, false), false),
                CALCULATOR.compute(1, new Penalty(0, 10_000_010, false), false));
    }

    @ParameterizedTest(name = "base {0} fen, referred {1}: below the major-violation threshold {2}")
    @CsvSource({
        "0,        false, true",
        "9999999,  false, true",
        "10000000, false, false",
        "10000001, false, false",
        "0,        true,  false", // a case referred to the judiciary is always major
        "9999999,  true,  false"
    })
    void theMajorViolationThresholdIsFlagged(long baseFen, boolean referred, boolean below) {
        assertEquals(
                below,
                CALCULATOR.compute(2, new Penalty(baseFen, 0, referred), false).belowMajorViolationThreshold());
    }

    @Test
    void negativeFinesAreRefusedNamingTheField() {
        InvalidRewardInputException e =
                assertThrows(InvalidRewardInputException.class, () -> new Penalty(-1, 0, false));
        assertEquals("finesFen", e.field());
        assertEquals(RewardRefusedException.Refusal.INVALID, e.refusal());
    }

    @Test
    void negativeConfiscationsAreRefusedNamingTheField() {
        InvalidRewardInputException e =
                assertThrows(InvalidRewardInputException.class, () -> new Penalty(0, Long.MIN_VALUE, false));
        assertEquals("confiscationsFen", e.field());
    }

    @Test
    void aSumBeyondTheLargestAmountIsRefused() {
        InvalidRewardInputException e =
                assertThrows(InvalidRewardInputException.class, () -> new Penalty(Long.MAX_VALUE, 1, false));
        assertEquals("confiscationsFen", e.field());
        assertEquals(Long.MAX_VALUE, new Penalty(Long.MAX_VALUE - 1, 1, false).baseFen());
    }

    @ParameterizedTest(name = "level {0} is refused")
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 4, Integer.MAX_VALUE})
    void anUnknownLevelIsRefusedNamingTheField(int level) {
        InvalidRewardInputException e = assertThrows(
                InvalidRewardInputException.class, () -> CALCULATOR.compute(level, new Penalty(0, 0, false), false));
        assertEquals("level", e.field());
    }

    @Test
    void aMissingPenaltyIsRefusedNamingTheField() {
        InvalidRewardInputException e =
                assertThrows(InvalidRewardInputException.class, () -> CALCULATOR.compute(1, null, false));
        assertEquals("penalty", e.field());
    }

    @Test
    void theRoundingComesFromTheRules() {
        RewardRules down = new RewardRules(
                "CNY",
                List.of(new RewardLevel(1, "one", 500, 0)),
                100_000_000L,
                50_000_000L,
                0,
                0,
                30,
                RoundingMode.DOWN,
                Set.of());
        assertEquals(
                49,
                new RewardCalculator(down)
                        .compute(1, new Penalty(999, 0, false), false)
                        .amountFen());
        RewardRules halfUp = new RewardRules(
                "CNY",
                List.of(new RewardLevel(1, "one", 500, 0)),
                100_000_000L,
                50_000_000L,
                0,
                0,
                30,
                RoundingMode.HALF_UP,
                Set.of());
        assertEquals(
                50,
                new RewardCalculator(halfUp)
                        .compute(1, new Penalty(999, 0, false), false)
                        .amountFen());
    }
}
