package cn.jxquality.cases.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsSummaryTest {

    @Test
    void theMedianIsReadFromTheHistogramOfHandlingDays() {
        assertNull(StatsSummary.median(List.of()));
        assertEquals(3, StatsSummary.median(List.of(new long[] {3, 1})));
        // 0,0,1,5,5,5,9 → 5
        assertEquals(
                5, StatsSummary.median(List.of(new long[] {0, 2}, new long[] {1, 1}, new long[] {5, 3}, new long[] {9, 1
                })));
        // 1,1,2,2 → lower median 1
        assertEquals(1, StatsSummary.median(List.of(new long[] {1, 2}, new long[] {2, 2})));
    }

    @Test
    void ratesAndAveragesAreNullWithoutData() {
        assertNull(StatsSummary.rate(0, 0));
        assertNull(StatsSummary.average(0, 0));
        assertEquals(0.6667, StatsSummary.rate(2, 3));
        assertEquals(4.33, StatsSummary.average(13, 3));
    }

    @Test
    void handlingDaysAndStatisticsDaysAreBeijingDays() {
        // 23:30 in Beijing on 24 November, decided 00:30 in Beijing on 25 November: one day
        Instant received = Instant.parse("2026-11-24T15:30:00Z");
        Instant decided = Instant.parse("2026-11-24T16:30:00Z");
        assertEquals(1, CaseStatistics.handlingDays(received, decided));
        assertEquals("2026-11-25", CaseStatistics.day(decided).toString());
    }
}
