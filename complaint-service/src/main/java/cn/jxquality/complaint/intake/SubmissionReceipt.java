package cn.jxquality.complaint.intake;

import java.time.Instant;

/** What the submitter gets back once: the query code is never shown again. */
public record SubmissionReceipt(String trackingNumber, String queryCode, PublicStatus status, Instant receivedAt) {}
