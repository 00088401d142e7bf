package cn.jxquality.complaint.reward;

/** Whether a claimant's name and ID number are those of the record's person. */
public record IdentityMatch(boolean match) {}
