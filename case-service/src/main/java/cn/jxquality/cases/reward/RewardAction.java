package cn.jxquality.cases.reward;

/** A step on a reward: the approvers', the system's (notify, expire), the reporter's (claim) or the payout's. */
public enum RewardAction {
    APPROVE("approved"),
    APPROVE_AS_FINANCE("approved by finance"),
    REJECT("rejected"),
    NOTIFY("notified"),
    CLAIM("claimed"),
    PAY("paid"),
    EXPIRE("expired");

    private final String pastTense;

    RewardAction(String pastTense) {
        this.pastTense = pastTense;
    }

    public String pastTense() {
        return pastTense;
    }
}
