package cn.jxquality.notify.routing;

import cn.jxquality.notify.delivery.Dispatcher;
import cn.jxquality.notify.webhook.WebhookConfig;
import cn.jxquality.platform.messaging.EventBatch;
import cn.jxquality.platform.messaging.EventRetry;
import cn.jxquality.platform.messaging.InboundEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes complaint, case and reward events and records who hears about them ({@link Audience}). A message that
 * is not a valid event is nacked, which sends it to notify-service-dlq without stalling the partition.
 */
@ApplicationScoped
public class EventRouter {

    public static final String COMPLAINT_EVENTS = "complaint-events";
    public static final String CASE_EVENTS = "case-events";
    public static final String REWARD_EVENTS = "reward-events";

    /** Tries of a good event's recording beyond the first (about 6 s in all) before it is dead-lettered. */
    static final int RETRIES = 5;

    private final ObjectMapper json;
    private final NotificationRecorder recorder;
    private final Audience audience;
    private final Dispatcher dispatcher;

    EventRouter(ObjectMapper json, NotificationRecorder recorder, WebhookConfig webhooks, Dispatcher dispatcher) {
        this.json = json;
        this.recorder = recorder;
        this.dispatcher = dispatcher;
        // without a signing key no webhook is recorded: an unsigned push must not go out
        this.audience =
                new Audience(webhooks.key().isPresent() ? webhooks.departments().keySet() : Set.of());
    }

    @Incoming(COMPLAINT_EVENTS)
    public Uni<Void> complaintEvents(KafkaRecordBatch<String, String> batch) {
        return route(batch);
    }

    @Incoming(CASE_EVENTS)
    public Uni<Void> caseEvents(KafkaRecordBatch<String, String> batch) {
        return route(batch);
    }

    @Incoming(REWARD_EVENTS)
    public Uni<Void> rewardEvents(KafkaRecordBatch<String, String> batch) {
        return route(batch);
    }

    /**
     * The notifications of a poll's events are recorded in one statement; if that fails, each event is recorded on
     * its own, with retries, so a malformed one is dead-lettered alone.
     */
    private Uni<Void> route(KafkaRecordBatch<String, String> batch) {
        return EventBatch.consume(
                batch,
                json,
                events -> recorder.recordAll(
                                events.stream().map(this::recording).toList())
                        .invoke(dispatcher::kick),
                this::routeOne);
    }

    private Uni<Void> routeOne(Message<String> message, InboundEvent event) {
        return Uni.createFrom()
                .deferred(() -> record(event))
                .invoke(dispatcher::kick)
                .onItemOrFailure()
                .transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
    }

    private NotificationRecorder.Recording recording(InboundEvent event) {
        return new NotificationRecorder.Recording(event, dataOf(event), audience.of(event));
    }

    /**
     * Malformed data (a missing or unparsable field, a template it cannot fill) fails at once and is dead-lettered;
     * the database being away is waited out however long, any other failure tried again a few times first, so that a
     * good event is not dead-lettered for it.
     */
    private Uni<Void> record(InboundEvent event) {
        return EventRetry.attempt(() -> recorder.recordAll(List.of(recording(event))), RETRIES, EventRouter::malformed);
    }

    static boolean malformed(Throwable failure) {
        return failure instanceof IllegalArgumentException
                || failure instanceof UncheckedIOException
                || failure instanceof TemplateException;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dataOf(InboundEvent event) {
        return json.convertValue(event.data(), Map.class);
    }
}
