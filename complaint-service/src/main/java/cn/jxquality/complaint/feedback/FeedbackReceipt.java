package cn.jxquality.complaint.feedback;

import java.time.Instant;

/** What the citizen gets back once the rating is recorded. */
public record FeedbackReceipt(String trackingNumber, int rating, Instant givenAt) {}
