package cn.jxquality.notify.template;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Instants travel as ISO-8601 UTC; people read them in Asia/Shanghai: {@code {event.dueAt.shanghai}}, or, for a time
 * limit that ends at the instant, its last day: {@code {event.dueAt.lastDay}}.
 */
@TemplateExtension
public final class ShanghaiTime {

    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    private ShanghaiTime() {}

    /** {@code 2026-11-27T09:00:00Z} → {@code 2026-11-27 17:00}; text that is no instant is shown as it came. */
    static String shanghai(String instant) {
        try {
            return FORMAT.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    /**
     * The Beijing day of the last moment before a limit's end: complaint-service ends its ODR limits at the midnight
     * after their last day ({@code 2026-12-09T16:00:00Z} → {@code 2026-12-09}), case-service its deadlines at 23:59:59
     * of it ({@code 2026-12-09T15:59:59Z} → {@code 2026-12-09}); both read "by 2026-12-09".
     */
    static String lastDay(String instant) {
        try {
            return DATE.format(Instant.parse(instant).minusMillis(1));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
