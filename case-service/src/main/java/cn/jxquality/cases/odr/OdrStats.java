package cn.jxquality.cases.odr;

import java.time.LocalDate;
import java.util.List;

/**
 * The ODR figures of the complaints sent to an enterprise first in a range of Beijing days (by the day they were
 * sent): how many, their share of the complaints received in those days ({@code complaintsReceived}: those that came
 * straight to the regulator and those referred, each once), and per enterprise how it answered. Enterprises come in
 * order of lapsed referrals (most first), then by name.
 */
public record OdrStats(
        LocalDate from,
        LocalDate to,
        long referred,
        long complaintsReceived,
        Double odrShare,
        List<Enterprise> enterprises) {

    /**
     * One enterprise's referrals: answered (on time), settled, settlements confirmed (by the citizen, or standing when
     * their time passed) or disputed, not settled, lapsed (no answer by the due date). {@code settlementRate}: the
     * confirmed settlements among the referrals that have ended; {@code onTimeRate}: the answers on time among the
     * referrals answered or past their due date. Rates to four decimals, null without a referral to divide by.
     */
    public record Enterprise(
            String creditCode,
            String name,
            long referred,
            long responded,
            long respondedOnTime,
            long settled,
            long confirmed,
            long disputed,
            long notSettled,
            long lapsed,
            Double settlementRate,
            Double onTimeRate) {}
}
