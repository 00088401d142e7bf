package cn.jxquality.complaint.status;

import cn.jxquality.platform.messaging.InboundEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Adds the reward's public steps to the report's timeline (DESIGN §5): approved, rejected, notified, claimed, paid
 * and expired each leave a note in the citizen's language, with the amount in yuan where there is one; the status
 * stays. A proposal is internal. At most once per event id; a message that cannot be applied goes to the dead
 * letter topic.
 */
@ApplicationScoped
public class RewardEventConsumer {

    public static final String CHANNEL = "reward-events";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** The public steps, as {@code zh-CN} and {@code en} notes; {@code %s} is the amount, then the claim day. */
    static final Map<String, Map<String, String>> NOTES = Map.of(
            "reward.approved.v1", Map.of("zh-CN", "举报奖励已批准，金额 %s 元", "en", "Reward approved: CNY %s"),
            "reward.rejected.v1", Map.of("zh-CN", "举报奖励未获批准", "en", "Reward not granted"),
            "reward.notified.v1",
                    Map.of(
                            "zh-CN", "举报奖励 %s 元，请于 %s 前凭受理编号和查询码申领",
                            "en", "Reward of CNY %s: claim it by %s with the tracking number and query code"),
            "reward.claimed.v1", Map.of("zh-CN", "举报奖励已申领", "en", "Reward claimed"),
            "reward.paid.v1", Map.of("zh-CN", "举报奖励 %s 元已支付", "en", "Reward of CNY %s paid"),
            "reward.expired.v1", Map.of("zh-CN", "举报奖励申领期限已过", "en", "The reward's claim period has ended"));

    private final TimelineWriter timeline;
    private final ObjectMapper json;

    RewardEventConsumer(TimelineWriter timeline, ObjectMapper json) {
        this.timeline = timeline;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return InboundEvent.consume(message, json, this::apply);
    }

    /** Both languages' notes go with the statement, which picks the citizen's; the status stays. */
    private Uni<Void> apply(InboundEvent event) {
        if (!NOTES.containsKey(event.type())) {
            return Uni.createFrom().voidItem();
        }
        UUID complaintId = UUID.fromString(event.text("complaintId"));
        Instant at = Instant.parse(event.text("occurredAt"));
        return timeline.apply(
                new TimelineWriter.Step(event, complaintId, at, null, null, note(event, "zh-CN"), note(event, "en")));
    }

    /** The step's note, the amount and claim day filled in, the reward's public note (e.g. a reason) after it. */
    static String note(InboundEvent event, String language) {
        String template = NOTES.get(event.type()).get(language);
        JsonNode amount = event.data().path("amountFen");
        JsonNode claimBy = event.data().path("claimBy");
        String yuan = amount.isIntegralNumber()
                ? BigDecimal.valueOf(amount.asLong(), 2).toPlainString()
                : "—";
        String day =
                claimBy.isTextual() ? DAY.format(Instant.parse(claimBy.asText()).atZone(CHINA)) : "—";
        String step = template.contains("%s") ? String.format(template, yuan, day) : template;
        String publicNote = event.data().path("publicNote").asText(null);
        if (publicNote == null || publicNote.isBlank()) {
            return step;
        }
        return step + ("en".equals(language) ? ": " : "：") + publicNote;
    }
}
