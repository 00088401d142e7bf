package cn.jxquality.complaint.reward;

import cn.jxquality.complaint.intake.ComplaintKind;
import java.util.UUID;

/** The record whose tracking number and query code were presented. */
public record CredentialMatch(UUID complaintId, String trackingNumber, ComplaintKind kind, boolean anonymous) {}
