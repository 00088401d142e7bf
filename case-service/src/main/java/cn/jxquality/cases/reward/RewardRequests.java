package cn.jxquality.cases.reward;

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
            @Size(max = 2000) String note) {}

    /** A rejection; the reason is shown to the reporter on the public timeline, so it holds no personal data. */
    public record Reject(@NotBlank @Size(max = 1900) String reason) {}
}
