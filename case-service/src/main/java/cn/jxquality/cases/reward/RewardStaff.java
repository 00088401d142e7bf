package cn.jxquality.cases.reward;

import io.quarkus.security.identity.SecurityIdentity;

/** Who acts on a reward: the user name recorded for four eyes and audit, and the role they act in. */
public record RewardStaff(String name, String role) {

    public static final String REVIEWER = "reward-reviewer";
    public static final String APPROVER = "reward-approver";
    public static final String FINANCE = "finance";

    /** A user with several reward roles acts as approver where that role fits, else as finance. */
    public static RewardStaff of(SecurityIdentity identity) {
        String role = identity.hasRole(APPROVER)
                ? APPROVER
                : identity.hasRole(FINANCE)
                        ? FINANCE
                        : identity.hasRole(REVIEWER)
                                ? REVIEWER
                                : identity.hasRole("supervisor") ? "supervisor" : "auditor";
        return new RewardStaff(identity.getPrincipal().getName(), role);
    }

    public boolean finance() {
        return FINANCE.equals(role);
    }
}
