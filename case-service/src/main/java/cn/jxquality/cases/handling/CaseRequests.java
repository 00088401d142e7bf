package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.Visibility;
import cn.jxquality.platform.text.PlainTextField;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The bodies of the case actions (DESIGN §10). Notes are at most 1,500 characters of plain text, as intake's; those
 * that can reach the citizen (a refusal's or resolution's note, a request for materials, a note that may be public)
 * link only to allowed hosts: they become public timeline steps and SMS text.
 */
public final class CaseRequests {

    static final String DEPARTMENT_CODE = "^\\d{6}-[A-Z]{3}$";

    private CaseRequests() {}

    /** {@code note} is told to the citizen with the ground. */
    public record Refuse(
            @NotNull RefusalGround ground,

            @Size(max = 1500) @PlainTextField(multiline = true, linksOnlyToAllowedHosts = true)
            String note) {}

    /** {@code reason} stays internal; without {@code departmentCode} the routing rules choose another department. */
    public record Transfer(
            @NotBlank @Size(max = 1500) @PlainTextField(multiline = true)
            String reason,

            @Pattern(regexp = DEPARTMENT_CODE) String departmentCode) {}

    public record Note(
            @NotBlank @Size(max = 1500) @PlainTextField(multiline = true, linksOnlyToAllowedHosts = true)
            String text,

            @NotNull Visibility visibility) {}

    /** {@code ground} only for MEDIATION_ENDED; decision number and amounts only for SUBSTANTIATED. */
    public record Resolve(
            @NotNull Outcome outcome,

            @Size(max = 1500) @PlainTextField(multiline = true, linksOnlyToAllowedHosts = true)
            String note,

            MediationEndingGround ground,
            @Size(max = 64) @PlainTextField String decisionNumber,
            @PositiveOrZero Long finesFen,
            @PositiveOrZero Long confiscationsFen) {

        Resolution resolution() {
            return new Resolution(outcome, ground, decisionNumber, finesFen, confiscationsFen);
        }
    }

    /** {@code note} tells the citizen what is missing; it is public. */
    public record RequestMaterials(
            @NotBlank @Size(max = 1500) @PlainTextField(multiline = true, linksOnlyToAllowedHosts = true)
            String note) {}

    public record Extend(
            @NotBlank @Size(max = 1500) @PlainTextField(multiline = true)
            String reason) {}

    public record Assign(
            @NotBlank @Pattern(regexp = DEPARTMENT_CODE) String departmentCode) {}
}
