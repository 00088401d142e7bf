package cn.jxquality.cases.reward;

import cn.jxquality.platform.text.PlainTextField;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/** Request bodies of the reward API. */
public final class RewardRequests {

    private RewardRequests() {}

    /**
     * The reviewer's proposal: the level, and the declarations about the reporter (a natural person? an insider?
     * which exclusions apply: an empty list when none). Below the major-violation threshold the note must say why
     * the report is rewarded anyway.
     */
    public record Propose(
            @NotNull UUID caseId,
            @NotNull Integer level,
            @NotNull Boolean naturalPerson,
            @NotNull Boolean insider,
            @NotNull Set<@NotNull ExclusionReason> exclusions,

            @Size(max = 2000) @PlainTextField(multiline = true)
            String note) {}

    /** A rejection; the reason is shown to the reporter on the public timeline, so it holds no personal data. */
    public record Reject(
            @NotBlank @Size(max = 1900) @PlainTextField(multiline = true, linksOnlyToAllowedHosts = true)
            String reason) {}
}
