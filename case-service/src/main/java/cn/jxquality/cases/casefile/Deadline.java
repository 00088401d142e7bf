package cn.jxquality.cases.casefile;

import java.time.Instant;

/**
 * When something is due (the end of the last day, Beijing time), whether the calendar it rests on is provisional, and
 * the instant its days were counted from when it was counted afresh (receipt, the end of the enterprise's ODR turn,
 * assignment, acceptance). {@code countedFrom} is null for a deadline moved on from an earlier count (an extension,
 * the days waited for materials): it keeps that count's start, which is what a newly loaded calendar recounts from.
 */
public record Deadline(Instant due, boolean provisional, Instant countedFrom) {

    /** A deadline moved on from an earlier count, which keeps that count's start. */
    public Deadline(Instant due, boolean provisional) {
        this(due, provisional, null);
    }
}
