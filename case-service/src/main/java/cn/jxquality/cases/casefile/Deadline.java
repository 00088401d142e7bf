package cn.jxquality.cases.casefile;

import java.time.Instant;

/** When something is due (the end of the last day, Beijing time) and whether the calendar it rests on is provisional. */
public record Deadline(Instant due, boolean provisional) {}
