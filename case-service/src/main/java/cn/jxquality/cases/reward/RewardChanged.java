package cn.jxquality.cases.reward;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of every {@code reward-events} event ({@code reward.<state>.v1}): where the reward stands, its level
 * and amount, the end of the claim window from NOTIFIED on, and a note the reporter may read. No personal data.
 */
public record RewardChanged(
        UUID rewardId,
        UUID caseId,
        UUID complaintId,
        String trackingNumber,
        RewardState state,
        Integer level,
        Long amountFen,
        Instant claimBy,
        Instant occurredAt,
        String publicNote) {

    public static final int MAX_NOTE = 2000;

    public static RewardChanged of(Reward reward, Instant at) {
        return new RewardChanged(
                reward.id,
                reward.caseId,
                reward.complaintId,
                reward.trackingNumber,
                reward.state,
                (int) reward.level,
                reward.amountFen,
                reward.claimBy,
                at,
                reward.publicNote);
    }

    /** Public notes are cut to the 2000 characters the schema and the column allow. */
    public static String note(String text) {
        return text == null || text.length() <= MAX_NOTE ? text : text.substring(0, MAX_NOTE);
    }

    /** The CloudEvents type announcing the reward's current state, e.g. {@code reward.notified.v1}. */
    public static String typeOf(RewardState state) {
        return "reward." + state.name().toLowerCase() + ".v1";
    }
}
