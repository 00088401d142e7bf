package cn.jxquality.notify.sms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** SMS quiet hours (21:00–08:00 Asia/Shanghai by default): an SMS due inside them waits until they end. */
public final class QuietHours {

    private final LocalTime from;
    private final LocalTime until;
    private final ZoneId zone;

    public QuietHours(LocalTime from, LocalTime until, ZoneId zone) {
        this.from = from;
        this.until = until;
        this.zone = zone;
    }

    /** When the quiet hours containing {@code now} end; empty when {@code now} is outside them. */
    public Optional<Instant> deferUntil(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wrapsMidnight = from.isAfter(until);
        boolean quiet = wrapsMidnight
                ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(until).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return Optional.of(end.toInstant());
    }
}
