package cn.jxquality.cases.reward.claim;

/** The personal data of a claim; only ever stored sealed, never logged or published. */
public record ClaimData(
        String claimantName,
        String idType,
        String idNumber,
        String bankName,
        String bankAccountNumber,
        String bankAccountHolder) {

    @Override
    public String toString() {
        return "ClaimData[sealed]";
    }
}
