package cn.jxquality.notify.routing;

import cn.jxquality.notify.notification.Addressee;
import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.NotificationStatus;
import cn.jxquality.notify.notification.Recipients;
import cn.jxquality.notify.template.MessageTemplates;
import cn.jxquality.platform.messaging.InboundEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Records the notifications an event causes, exactly one per (event, recipient, channel). In-app messages are
 * delivered by being recorded; the others are recorded PENDING and left to the dispatcher. An event about no
 * complaint (a risk alert) is recorded without complaint id and tracking number; the key does not need them.
 */
@ApplicationScoped
public class NotificationRecorder {

    static final String COLUMNS = "id, event_id, event_type, complaint_id, tracking_number, recipient, recipient_kind,"
            + " channel, template, language, body, status, attempts, created_at, sent_at, event_data, next_attempt_at";

    static final int COLUMN_COUNT = COLUMNS.split(",").length;

    /**
     * One statement for all of an event's rows (atomic without a transaction of its own); inserting twice for one
     * (event, recipient, channel) is a no-op: the unique key, not a cache. The statement for each number of rows
     * is built once (an event has one to four), so each is prepared once per connection.
     */
    private static final Map<Integer, String> RECORD_ONCE = new ConcurrentHashMap<>();

    static String recordOnce(int rows) {
        String values = IntStream.range(0, rows)
                .mapToObj(row -> IntStream.rangeClosed(1, COLUMN_COUNT)
                        .mapToObj(column -> "$" + (row * COLUMN_COUNT + column))
                        .collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", "));
        return "insert into notification (" + COLUMNS + ") values " + values
                + " on conflict on constraint notification_once do nothing";
    }

    private final Pool pool;
    private final MessageTemplates templates;
    private final Clock clock;

    NotificationRecorder(Pool pool, MessageTemplates templates, Clock clock) {
        this.pool = pool;
        this.templates = templates;
        this.clock = clock;
    }

    /** All rows of one event commit together, in one statement. */
    public Uni<Void> record(InboundEvent event, Map<String, Object> data, List<Addressee> addressees) {
        if (addressees.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Object> values = new ArrayList<>(addressees.size() * COLUMN_COUNT);
        for (Addressee to : addressees) {
            values.addAll(row(event, data, to, now));
        }
        return pool.preparedQuery(RECORD_ONCE.computeIfAbsent(addressees.size(), NotificationRecorder::recordOnce))
                .execute(Tuple.from(values))
                .invoke(rows -> Log.infof(
                        "%s of %s: %s %s",
                        event.type(),
                        EventSubjects.about(event),
                        addressees.stream()
                                .map(to -> to.channel() + " to " + Recipients.mask(to.recipient(), to.kind()))
                                .collect(Collectors.joining(", ")),
                        rows.rowCount() == addressees.size()
                                ? "recorded"
                                : "recorded (" + (addressees.size() - rows.rowCount()) + " of them already were)"))
                .replaceWithVoid();
    }

    private List<Object> row(InboundEvent event, Map<String, Object> data, Addressee to, OffsetDateTime now) {
        boolean inApp = to.channel() == NotificationChannel.IN_APP;
        String language = MessageTemplates.DEFAULT_LANGUAGE;
        String body = inApp ? templates.body(to.template(), language, Map.of("event", data)) : null;
        return Arrays.asList(
                UUID.randomUUID(),
                event.id(),
                event.type(),
                EventSubjects.complaintId(event),
                EventSubjects.trackingNumber(event),
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
                inApp ? null : now);
    }
}
