package cn.jxquality.cases.reward;

/** Why a reporter can never be rewarded; the codes of {@code seeds/reward-rules.yaml} {@code exclusions}. */
public enum ExclusionReason {
    /** Staff of market regulation or another administrative body, reporting in their duties. */
    STAFF,
    /** Someone with a statutory duty to report the matter. */
    LEGAL_DUTY_TO_REPORT,
    /** The infringed party reporting its own case (that is a complaint, not a report). */
    INFRINGED_PARTY,
    /** The violator or an accomplice who is not an insider whistle-blower. */
    VIOLATOR_NOT_INSIDER,
    /** Someone paid or instructed to report. */
    PAID_REPORTER
}
