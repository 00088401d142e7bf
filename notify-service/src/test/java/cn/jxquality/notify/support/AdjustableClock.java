package cn.jxquality.notify.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time moved by an offset, so backoff still advances but a test can
 * place "now" inside or outside SMS quiet hours. Outside quiet hours (10:00 Shanghai) unless a test says otherwise.
 */
@Singleton
public class AdjustableClock extends Clock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private volatile Duration offset;

    public AdjustableClock() {
        reset();
    }

    /** From now on, "now" starts at this Shanghai local time of today and moves on in real time. */
    public void setShanghaiTime(LocalDate date, LocalTime time) {
        Instant target = date.atTime(time).atZone(SHANGHAI).toInstant();
        offset = Duration.between(Instant.now(), target);
    }

    /** Back to the default: 10:00 in Shanghai today, well outside quiet hours. */
    public void reset() {
        setShanghaiTime(LocalDate.now(SHANGHAI), LocalTime.of(10, 0));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in UTC");
    }
}
