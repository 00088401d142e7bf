package cn.jxquality.notify.notification;

import cn.jxquality.notify.delivery.Dispatcher;
import cn.jxquality.notify.messaging.InboundEvent;
import cn.jxquality.notify.webhook.WebhookConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes complaint and case events and records who hears about them ({@link Audience}). A message that
 * is not a valid event is nacked, which sends it to notify-service-dlq without stalling the partition.
 */
@ApplicationScoped
public class EventRouter {

    public static final String COMPLAINT_EVENTS = "complaint-events";
    public static final String CASE_EVENTS = "case-events";

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
    public Uni<Void> complaintEvent(Message<String> message) {
        return route(message);
    }

    @Incoming(CASE_EVENTS)
    public Uni<Void> caseEvent(Message<String> message) {
        return route(message);
    }

    private Uni<Void> route(Message<String> message) {
        return Uni.createFrom()
                .item(() -> InboundEvent.of(message, json))
                .flatMap(event -> recorder.record(event, dataOf(event), audience.of(event)))
                .invoke(dispatcher::kick)
                .onItemOrFailure()
                .transformToUni((ignored, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : Uni.createFrom().completionStage(message.nack(failure)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dataOf(InboundEvent event) {
        return json.convertValue(event.data(), Map.class);
    }
}
