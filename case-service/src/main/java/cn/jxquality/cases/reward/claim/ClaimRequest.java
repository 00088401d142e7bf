package cn.jxquality.cases.reward.claim;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A reporter's claim: the report's tracking number and query code, who claims (name and ID document, checked
 * against the sealed reporter of a real-name report) and the bank account to pay, whose holder must be the
 * claimant.
 */
public record ClaimRequest(
        @NotBlank @Pattern(regexp = "JX\\d{14,15}", message = "must be JX and 15 digits (14 before December 2026)")
        String trackingNumber,

        @NotBlank @Size(max = 64) String queryCode,
        @NotBlank @Size(max = 100) String claimantName,

        @NotBlank @Pattern(regexp = "[A-Z_]{2,32}", message = "must be an ID document type such as RESIDENT_ID")
        String idType,

        @NotBlank @Size(max = 32) String idNumber,
        @NotBlank @Size(max = 100) String bankName,

        @NotBlank @Pattern(regexp = "\\d{8,30}", message = "must be 8 to 30 digits")
        String bankAccountNumber,

        @NotBlank @Size(max = 100) String bankAccountHolder) {

    @Override
    public String toString() {
        return "ClaimRequest[" + trackingNumber + "]";
    }

    ClaimData data() {
        return new ClaimData(
                claimantName.strip(),
                idType,
                idNumber.strip(),
                bankName.strip(),
                bankAccountNumber,
                bankAccountHolder.strip());
    }
}
