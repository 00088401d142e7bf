package cn.jxquality.cases.reward;

import java.time.LocalDate;

/** A request for one step on a reward; persons are user ids (token subjects), days are Beijing dates. */
public sealed interface RewardCommand {

    RewardAction action();

    /** The reward approver's approval. */
    record Approve(String approver) implements RewardCommand {
        public Approve {
            required("approver", approver);
        }

        public RewardAction action() {
            return RewardAction.APPROVE;
        }
    }

    /** The second approval by role {@code finance}, needed at or above the threshold and for an insider uplift. */
    record ApproveAsFinance(String financeApprover) implements RewardCommand {
        public ApproveAsFinance {
            required("financeApprover", financeApprover);
        }

        public RewardAction action() {
            return RewardAction.APPROVE_AS_FINANCE;
        }
    }

    /** An approver's or finance's rejection, with the reason the record keeps. */
    record Reject(String rejector, String reason) implements RewardCommand {
        public Reject {
            required("rejector", rejector);
            required("reason", reason);
        }

        public RewardAction action() {
            return RewardAction.REJECT;
        }
    }

    /** The reporter was told of the approved reward on {@code notifiedOn}: the claim window opens. */
    record Notify(LocalDate notifiedOn) implements RewardCommand {
        public Notify {
            required("notifiedOn", notifiedOn);
        }

        public RewardAction action() {
            return RewardAction.NOTIFY;
        }
    }

    /** The reporter's claim on {@code claimedOn}, after the identity and account checks. */
    record Claim(LocalDate claimedOn) implements RewardCommand {
        public Claim {
            required("claimedOn", claimedOn);
        }

        public RewardAction action() {
            return RewardAction.CLAIM;
        }
    }

    /** The payout went through, under the gateway's reference. */
    record Pay(String paymentReference) implements RewardCommand {
        public Pay {
            required("paymentReference", paymentReference);
        }

        public RewardAction action() {
            return RewardAction.PAY;
        }
    }

    /** The scheduler's expiry of an unclaimed reward, on {@code today}. */
    record Expire(LocalDate today) implements RewardCommand {
        public Expire {
            required("today", today);
        }

        public RewardAction action() {
            return RewardAction.EXPIRE;
        }
    }

    private static void required(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new InvalidRewardInputException(field, "is required");
        }
    }
}
