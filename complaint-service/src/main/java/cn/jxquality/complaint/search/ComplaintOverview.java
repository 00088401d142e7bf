package cn.jxquality.complaint.search;

/**
 * A complaint as staff open it before anyone reads the person: the record without its person (null in {@code
 * detail}), the mobile masked, whether there is a person to reveal, the department handling it and who registered it.
 */
public record ComplaintOverview(
        ComplaintDetail detail, String maskedMobile, boolean hasPerson, String departmentCode, String submittedBy) {}
