package cn.jxquality.complaint.search;

import java.util.List;

/** One page of hits, newest first; {@code next} is the cursor for the following page, null on the last. */
public record SearchPage(List<ComplaintSummary> items, String next) {}
