package cn.jxquality.cases.reward;

import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads rewards and their audit trails for the reward staff, supervisors and auditors. */
@ApplicationScoped
public class RewardQueries {

    private final RewardStateMachine machine;

    RewardQueries(RewardStateMachine machine) {
        this.machine = machine;
    }

    /** Newest first; null filters mean "any". */
    /** Where a page of the list continues: after the reward proposed at {@code proposedAt} with {@code id}. */
    public record Before(Instant proposedAt, UUID id) {

        /** {@code 2026-12-01T02:00:00Z|<uuid>}; null for none; a 400 naming {@code before} for anything else. */
        static Before parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String[] parts = value.split("\\|", 2);
            try {
                return new Before(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("before", "must be <proposedAt>|<id> of a listed reward");
            }
        }
    }

    @WithSession
    public Uni<List<RewardView>> list(RewardState state, String trackingNumber, Before before, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (before != null) {
            where.add("(proposedAt < :beforeAt or (proposedAt = :beforeAt and id < :beforeId))");
            params.and("beforeAt", before.proposedAt()).and("beforeId", before.id());
        }
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        if (trackingNumber != null) {
            where.add("trackingNumber = :trackingNumber");
            params.and("trackingNumber", trackingNumber);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return Reward.<Reward>find(query, Sort.descending("proposedAt", "id"), params)
                .range(0, limit - 1)
                .list()
                .map(rewards -> rewards.stream().map(this::view).toList());
    }

    /** Reports waiting for a proposal, most recently resolved first. */
    @WithSession
    public Uni<List<RewardCandidate>> candidates(int limit) {
        return CaseFile.<CaseFile>find("from CaseFile c where c.kind = 'REPORT' and c.rewardRequested = true"
                        + " and c.outcome in ('SUBSTANTIATED', 'REFERRED_TO_JUDICIARY')"
                        + " and not exists (select 1 from Reward r where r.caseId = c.id)"
                        + " order by c.resolvedAt desc, c.id desc")
                .range(0, limit - 1)
                .list()
                .flatMap(files -> openReportsAbout(files)
                        .map(open -> files.stream()
                                .map(file -> RewardCandidate.of(file, waitingFor(file, open)))
                                .toList()));
    }

    /** The open reports about the enterprises of {@code files}, in one query. */
    private static Uni<List<CaseFile>> openReportsAbout(List<CaseFile> files) {
        List<String> codes = files.stream()
                .map(f -> f.subjectCreditCode())
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        return codes.isEmpty()
                ? Uni.createFrom().item(List.of())
                : CaseFile.list(
                        "kind = 'REPORT' and subjectCreditCode in ?1 and state in ?2 order by receivedAt",
                        codes,
                        Violation.UNDECIDED);
    }

    private static List<String> waitingFor(CaseFile file, List<CaseFile> open) {
        if (file.subjectCreditCode() == null || file.decisionNumber() == null) {
            return List.of();
        }
        java.time.Instant endOfDay = FirstReporterRule.endOfDay(file.receivedAt());
        return open.stream()
                .filter(o -> file.subjectCreditCode().equals(o.subjectCreditCode())
                        && !o.id().equals(file.id())
                        && o.receivedAt().isBefore(endOfDay))
                .map(o -> o.trackingNumber())
                .toList();
    }

    @WithSession
    public Uni<RewardView> get(UUID id) {
        return Reward.<Reward>findById(id).map(reward -> {
            if (reward == null) {
                throw ProblemException.notFound("No reward " + id + ".");
            }
            return view(reward);
        });
    }

    /** The reward's audit trail, oldest first. */
    @WithSession
    public Uni<List<Entry>> events(UUID id) {
        return get(id).flatMap(exists -> RewardEvent.<RewardEvent>list("rewardId = ?1 order by at, id", id))
                .map(events -> events.stream()
                        .map(e -> new Entry(e.type, e.fromState, e.toState, e.actor, e.actorRole, e.at, e.note))
                        .toList());
    }

    RewardView view(Reward reward) {
        return RewardView.of(reward, List.copyOf(machine.allowedActions(reward.situation())));
    }

    /** One audit entry of a reward. */
    public record Entry(
            String type,
            RewardState fromState,
            RewardState toState,
            String actor,
            String role,
            Instant at,
            String note) {}
}
