package cn.jxquality.notify.delivery;

import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.RecipientKind;
import cn.jxquality.notify.optout.OptOuts;
import cn.jxquality.notify.sms.SmsConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * At most {@link DeliveryConfig#dailyCapPerAddress()} SMS and e-mails to one citizen's address a day (Beijing time):
 * a complaint filed on the web with someone else's mobile or e-mail makes the suite write to them, and this bounds how
 * often. A citizen hears of a complaint's steps a few times a day at most; departments' inboxes and webhooks are not
 * capped. The address is counted only as a keyed hash, one row per address and day, taken atomically (two senders
 * never both take the last place), under the opt-out key ({@code OPT_OUT_KEY}; without it nothing is capped).
 */
@ApplicationScoped
class AddressCaps {

    static final String TAKE = "insert into address_day (address_hash, day, messages) values ($1, $2, 1)"
            + " on conflict (address_hash, day) do update set messages = address_day.messages + 1"
            + " where address_day.messages < $3 returning messages";

    private final Pool pool;
    private final OptOuts hashes;
    private final int cap;
    private final ZoneId zone;
    private final Clock clock;

    AddressCaps(Pool pool, OptOuts hashes, DeliveryConfig config, SmsConfig sms, Clock clock) {
        this.pool = pool;
        this.hashes = hashes;
        this.cap = config.dailyCapPerAddress();
        this.zone = sms.zone();
        this.clock = clock;
    }

    /** Whether the message may go to {@code address} today; counts it if so. Not capped: departments, in-app. */
    Uni<Boolean> take(PendingNotification n, String address) {
        if (n.recipientKind() != RecipientKind.CITIZEN
                || (n.channel() != NotificationChannel.SMS && n.channel() != NotificationChannel.EMAIL)) {
            return Uni.createFrom().item(true);
        }
        Optional<byte[]> hash = hashes.keyedHash("address:" + address);
        if (hash.isEmpty()) {
            return Uni.createFrom()
                    .item(true); // no opt-out key, no keyed hash: citizens' messages carry no code either
        }
        return pool.preparedQuery(TAKE)
                .execute(Tuple.of(Buffer.buffer(hash.get()), today(), cap))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Why a message was not sent when {@link #take} said no. */
    String reason() {
        return "this address had its " + cap + " messages today";
    }

    /** Yesterday's counts are kept (a day in Beijing is not a day in UTC), older ones deleted. */
    @Scheduled(identity = "address-caps-purge", every = "1h", delayed = "1m")
    Uni<Void> purge() {
        return pool.preparedQuery("delete from address_day where day < $1")
                .execute(Tuple.of(today().minusDays(1)))
                .onFailure()
                .invoke(e -> Log.warnf("Old address counts not deleted: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
