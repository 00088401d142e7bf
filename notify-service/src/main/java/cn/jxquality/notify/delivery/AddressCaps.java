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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@link DeliveryConfig#dailyCapPerAddress()} SMS and e-mails to one citizen's address a day (Beijing time):
 * anyone may file a complaint on the web with someone else's mobile or e-mail, and this bounds how often the suite then
 * writes to them. A citizen hears of a complaint's steps a few times a day; departments' webhooks and in-app messages
 * are not capped. Addresses are counted only as keyed hashes under the opt-out key ({@code OPT_OUT_KEY}; without it
 * nothing is capped, and messages carry no opt-out code either).
 *
 * <p>Places are taken for a whole dispatcher pass in one statement ({@link #take}), atomically per address (two
 * passes, on one instance or two, never both get the last place), and the pass gives back in one more statement
 * those it did not use ({@link #giveBack}): one statement per message filled the database pool under load.
 */
@ApplicationScoped
class AddressCaps {

    /** $1 address hashes (distinct), $4 how many places each wants; each row answers how many it was granted. */
    static final String TAKE = "insert into address_day as a (address_hash, day, messages, granted)"
            + " select h, $2, least(n, $3), least(n, $3) from unnest($1::bytea[], $4::int[]) as w (h, n)"
            + " on conflict (address_hash, day) do update"
            + " set messages = a.messages + greatest(0, least(excluded.granted, $3 - a.messages)),"
            + " granted = greatest(0, least(excluded.granted, $3 - a.messages))"
            + " returning address_hash, granted";

    static final String GIVE_BACK = "update address_day a set messages = greatest(0, a.messages - r.n)"
            + " from unnest($1::bytea[], $3::int[]) as r (h, n) where a.address_hash = r.h and a.day = $2";

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

    /** The counted key of a message's address (hex of its keyed hash); empty when the message is not capped. */
    Optional<String> key(PendingNotification n, String address) {
        if (n.recipientKind() != RecipientKind.CITIZEN
                || (n.channel() != NotificationChannel.SMS && n.channel() != NotificationChannel.EMAIL)
                || address == null) {
            return Optional.empty();
        }
        return hashes.keyedHash("address:" + address).map(HexFormat.of()::formatHex);
    }

    /** Takes up to the wanted places per key for today; answers how many each was granted. */
    Uni<Map<String, Integer>> take(Map<String, Integer> wanted) {
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Buffer[] keys = wanted.keySet().stream().map(AddressCaps::bytes).toArray(Buffer[]::new);
        Integer[] counts = wanted.values().toArray(Integer[]::new);
        return pool.preparedQuery(TAKE)
                .execute(Tuple.of(keys, today(), cap, counts))
                .map(rows -> {
                    Map<String, Integer> granted = new HashMap<>();
                    for (Row row : rows) {
                        granted.put(
                                HexFormat.of()
                                        .formatHex(row.getBuffer("address_hash").getBytes()),
                                row.getInteger("granted"));
                    }
                    return granted;
                });
    }

    /** Gives back places taken today and not used (the message was not handed over). */
    Uni<Void> giveBack(Map<String, Integer> unused) {
        if (unused.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Buffer[] keys = unused.keySet().stream().map(AddressCaps::bytes).toArray(Buffer[]::new);
        Integer[] counts = unused.values().toArray(Integer[]::new);
        return pool.preparedQuery(GIVE_BACK)
                .execute(Tuple.of(keys, today(), counts))
                .replaceWithVoid();
    }

    /** Why a message was not sent when its address had no place left. */
    String reason() {
        return "this address had its " + cap + " messages today";
    }

    /** Yesterday's counts are kept (a pass may span midnight), older ones deleted. */
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

    private static Buffer bytes(String hex) {
        return Buffer.buffer(HexFormat.of().parseHex(hex));
    }
}
