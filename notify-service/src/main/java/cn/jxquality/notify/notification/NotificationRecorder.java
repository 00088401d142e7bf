package cn.jxquality.notify.notification;

import cn.jxquality.notify.messaging.InboundEvent;
import cn.jxquality.notify.template.MessageTemplates;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records the notifications an event causes, exactly one per (event, recipient, channel). In-app messages are
 * delivered by being recorded; the others are recorded PENDING and left to the dispatcher. An event about no
 * complaint (a risk alert) is recorded without complaint id and tracking number; the key does not need them.
 */
@ApplicationScoped
public class NotificationRecorder {

    /** Inserting twice for one (event, recipient, channel) is a no-op: the unique key, not a cache. */
    static final String RECORD_ONCE = """
            insert into notification (id, event_id, event_type, complaint_id, tracking_number, recipient,
              recipient_kind, channel, template, language, body, status, attempts, created_at, sent_at,
              event_data, next_attempt_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            on conflict on constraint notification_once do nothing""";

    private final Pool pool;
    private final MessageTemplates templates;
    private final Clock clock;

    NotificationRecorder(Pool pool, MessageTemplates templates, Clock clock) {
        this.pool = pool;
        this.templates = templates;
        this.clock = clock;
    }

    /** All rows of one event commit together. */
    public Uni<Void> record(InboundEvent event, Map<String, Object> data, List<Addressee> addressees) {
        if (addressees.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.withTransaction(connection -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Addressee to : addressees) {
                chain = chain.flatMap(v -> insert(connection, event, data, to, now));
            }
            return chain;
        });
    }

    private Uni<Void> insert(
            SqlConnection connection, InboundEvent event, Map<String, Object> data, Addressee to, OffsetDateTime now) {
        boolean inApp = to.channel() == NotificationChannel.IN_APP;
        String language = MessageTemplates.DEFAULT_LANGUAGE;
        String body = inApp ? templates.body(to.template(), language, Map.of("event", data)) : null;
        Tuple row = Tuple.from(Arrays.asList(
                UUID.randomUUID(),
                event.id(),
                event.type(),
                event.complaintId(),
                event.trackingNumber(),
                to.recipient(),
                to.kind().name(),
                to.channel().name(),
                to.template(),
                language,
                body,
                (inApp ? NotificationStatus.SENT : NotificationStatus.PENDING).name(),
                inApp ? 1 : 0,
                now,
                inApp ? now : null,
                event.data().toString(),
                inApp ? null : now));
        return connection
                .preparedQuery(RECORD_ONCE)
                .execute(row)
                .invoke(rows -> Log.infof(
                        rows.rowCount() == 1
                                ? "%s notice of %s to %s recorded"
                                : "%s notice of %s to %s already recorded",
                        to.channel(),
                        event.about(),
                        Recipients.mask(to.recipient(), to.kind())))
                .replaceWithVoid();
    }
}
