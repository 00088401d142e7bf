package cn.jxquality.cases.reward;

/** Why a report is not rewarded. */
public enum Ineligibility {
    /** The reporter did not ask for a reward. */
    REWARD_NOT_REQUESTED,
    /** The case has not ended, or ended other than SUBSTANTIATED or REFERRED_TO_JUDICIARY. */
    OUTCOME_NOT_REWARDABLE,
    /** Only natural persons are rewarded. */
    NOT_A_NATURAL_PERSON,
    /** One of the seeded exclusions applies to the reporter. */
    EXCLUDED,
    /** A valid report, but an earlier day's valid report about the same violation takes the reward. */
    NOT_FIRST_REPORTER
}
