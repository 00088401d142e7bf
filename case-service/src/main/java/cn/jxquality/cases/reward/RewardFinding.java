package cn.jxquality.cases.reward;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The reviewer's latest finding about a report's reporter, kept even when it bars the reward, so the
 * first-reporter rule treats an excluded earlier report as not valid rather than as the first.
 */
@Entity
@Table(name = "reward_finding")
public class RewardFinding extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "natural_person")
    public boolean naturalPerson;

    public boolean insider;

    /** Comma-separated exclusion codes; empty when none applies. */
    @Column(nullable = false)
    public String exclusions = "";

    @Column(name = "found_by")
    public String foundBy;

    @Column(name = "found_at")
    public Instant foundAt;

    public Set<ExclusionReason> exclusionSet() {
        return exclusions.isEmpty()
                ? EnumSet.noneOf(ExclusionReason.class)
                : Arrays.stream(exclusions.split(","))
                        .map(ExclusionReason::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ExclusionReason.class)));
    }

    void record(RewardRequests.Propose request, String reviewer) {
        naturalPerson = request.naturalPerson();
        insider = request.insider();
        exclusions = request.exclusions().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        foundBy = reviewer;
        foundAt = Instant.now();
    }
}
