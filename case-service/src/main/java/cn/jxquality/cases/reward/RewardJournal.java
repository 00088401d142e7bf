package cn.jxquality.cases.reward;

import cn.jxquality.cases.outbox.CaseTopics;
import cn.jxquality.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Writes what a reward step leaves behind, in the step's transaction: an entry on the reward's append-only audit
 * trail and, for a step the reporter hears of, a {@code reward-events} row in the service's outbox.
 */
@ApplicationScoped
public class RewardJournal {

    private final Outbox outbox;

    RewardJournal(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Audits the step that brought the reward from {@code from} to its current state and announces it. */
    public Uni<Void> step(Reward reward, RewardState from, String actor, String role, String note) {
        Instant now = Instant.now();
        return RewardEvent.of(reward, typeOf(reward.state), from, actor, role, note)
                .persist()
                .flatMap(saved -> outbox.append(
                        CaseTopics.REWARD_EVENTS,
                        reward.complaintId,
                        RewardChanged.typeOf(reward.state),
                        reward.trackingNumber,
                        RewardChanged.of(reward, now)))
                .replaceWithVoid();
    }

    /** Audits a step that changes no state and is not announced (e.g. the first of two approvals). */
    public Uni<Void> note(Reward reward, String type, String actor, String role, String note) {
        return RewardEvent.of(reward, type, reward.state, actor, role, note)
                .persist()
                .replaceWithVoid();
    }

    private static String typeOf(RewardState state) {
        return "reward." + state.name().toLowerCase();
    }
}
