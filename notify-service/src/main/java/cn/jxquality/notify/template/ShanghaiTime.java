package cn.jxquality.notify.template;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Instants travel as ISO-8601 UTC; people read them in Asia/Shanghai: {@code {event.dueAt.shanghai}}. */
@TemplateExtension
public final class ShanghaiTime {

    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private ShanghaiTime() {}

    /** {@code 2026-11-27T09:00:00Z} → {@code 2026-11-27 17:00}; text that is no instant is shown as it came. */
    static String shanghai(String instant) {
        try {
            return FORMAT.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
