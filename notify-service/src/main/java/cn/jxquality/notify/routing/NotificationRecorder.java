package cn.jxquality.notify.routing;

import cn.jxquality.notify.notification.Addressee;
import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.NotificationStatus;
import cn.jxquality.notify.notification.Recipients;
import cn.jxquality.notify.template.MessageTemplates;
import cn.jxquality.notify.template.PublicSite;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Records the notifications an event causes, exactly one per (event, recipient, channel). In-app messages are
 * delivered by being recorded; the others are recorded PENDING and left to the dispatcher. An event about no
 * complaint (a risk alert) is recorded without complaint id and tracking number; the key does not need them.
 */
@ApplicationScoped
public class NotificationRecorder {

    /**
     * All the rows of any number of events in one statement (atomic without a transaction of its own), one array per
     * column, so one prepared statement serves a single event and a whole batch; inserting twice for one (event,
     * recipient, channel) is a no-op: the unique key, not a cache.
     */
    static final String RECORD_ONCE = """
            insert into notification (id, event_id, event_type, complaint_id, tracking_number, recipient, recipient_kind,
                                      channel, template, language, body, status, attempts, created_at, sent_at,
                                      event_data, next_attempt_at)
            select * from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[], $5::varchar[], $6::varchar[],
                                 $7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[], $11::text[],
                                 $12::varchar[], $13::int[], $14::timestamptz[], $15::timestamptz[], $16::text[],
                                 $17::timestamptz[])
            on conflict on constraint notification_once do nothing""";

    static final int COLUMN_COUNT = 17;

    /** One event and who hears about it. */
    public record Recording(InboundEvent event, Map<String, Object> data, List<Addressee> addressees) {}

    private final Pool pool;
    private final MessageTemplates templates;
    private final PublicSite publicSite;
    private final Clock clock;

    NotificationRecorder(Pool pool, MessageTemplates templates, PublicSite publicSite, Clock clock) {
        this.pool = pool;
        this.templates = templates;
        this.publicSite = publicSite;
        this.clock = clock;
    }

    /** All rows of all these events commit together, in one statement; one log line per event. */
    public Uni<Void> recordAll(List<Recording> recordings) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<List<Object>> columns = IntStream.range(0, COLUMN_COUNT)
                .mapToObj(column -> (List<Object>) new ArrayList<>())
                .toList();
        for (Recording recording : recordings) {
            for (Addressee to : recording.addressees()) {
                List<Object> row = row(recording.event(), recording.data(), to, now);
                for (int column = 0; column < COLUMN_COUNT; column++) {
                    columns.get(column).add(row.get(column));
                }
            }
        }
        if (columns.get(0).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(RECORD_ONCE)
                .execute(Tuple.from(List.of(
                        columns.get(0).toArray(UUID[]::new),
                        columns.get(1).toArray(String[]::new),
                        columns.get(2).toArray(String[]::new),
                        columns.get(3).toArray(UUID[]::new),
                        columns.get(4).toArray(String[]::new),
                        columns.get(5).toArray(String[]::new),
                        columns.get(6).toArray(String[]::new),
                        columns.get(7).toArray(String[]::new),
                        columns.get(8).toArray(String[]::new),
                        columns.get(9).toArray(String[]::new),
                        columns.get(10).toArray(String[]::new),
                        columns.get(11).toArray(String[]::new),
                        columns.get(12).toArray(Integer[]::new),
                        columns.get(13).toArray(OffsetDateTime[]::new),
                        columns.get(14).toArray(OffsetDateTime[]::new),
                        columns.get(15).toArray(String[]::new),
                        columns.get(16).toArray(OffsetDateTime[]::new))))
                .invoke(rows -> {
                    int already = columns.get(0).size() - rows.rowCount();
                    for (Recording recording : recordings) {
                        if (!recording.addressees().isEmpty()) {
                            Log.infof(
                                    "%s of %s: %s %s",
                                    recording.event().type(),
                                    EventSubjects.about(recording.event()),
                                    recording.addressees().stream()
                                            .map(to ->
                                                    to.channel() + " to " + Recipients.mask(to.recipient(), to.kind()))
                                            .collect(Collectors.joining(", ")),
                                    already == 0
                                            ? "recorded"
                                            : "recorded (" + already
                                                    + (recordings.size() == 1 ? " of them" : " rows of the batch")
                                                    + " already were)");
                        }
                    }
                })
                .replaceWithVoid();
    }

    private List<Object> row(InboundEvent event, Map<String, Object> data, Addressee to, OffsetDateTime now) {
        boolean inApp = to.channel() == NotificationChannel.IN_APP;
        String language = MessageTemplates.DEFAULT_LANGUAGE;
        String body = inApp
                ? templates.body(to.template(), language, Map.of("event", data, "publicUrl", publicSite.baseUrl()))
                : null;
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
