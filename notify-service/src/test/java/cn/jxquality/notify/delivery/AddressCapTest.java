package cn.jxquality.notify.delivery;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.notify.optout.OptOuts;
import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Complaints filed with someone else's mobile (as anyone can on the web form) make the suite write to that mobile at
 * most {@code notify.delivery.daily-cap-per-address} times a day; the rest are skipped, and other citizens are not
 * affected.
 */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class AddressCapTest {

    @Inject
    Pool pool;

    @Inject
    OptOuts optOuts;

    @ConfigProperty(name = "notify.delivery.daily-cap-per-address")
    int cap;

    @Test
    void aMobileHearsAtMostTheDailyCapAndTheRestAreSkipped() {
        String victim = Stubs.mobile();
        Stubs.smsGateway(victim, 200);
        List<String> trackingNumbers = new ArrayList<>();
        for (int i = 0; i < cap + 1; i++) {
            trackingNumbers.add(files(victim));
        }
        String someoneElse = Stubs.mobile();
        Stubs.smsGateway(someoneElse, 200);
        String theirs = files(someoneElse);

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(30))
                .until(() -> trackingNumbers.stream().map(this::sms).noneMatch(row -> "PENDING".equals(row.status())));
        List<NotificationRows.Stored> rows =
                trackingNumbers.stream().map(this::sms).toList();
        assertEquals(
                cap, rows.stream().filter(row -> "SENT".equals(row.status())).count());
        List<NotificationRows.Stored> skipped =
                rows.stream().filter(row -> "SKIPPED".equals(row.status())).toList();
        assertEquals(1, skipped.size(), rows.toString());
        assertThat(skipped.get(0).lastError(), containsString("messages today"));
        ThirdParties.wireMock().verify(cap, Stubs.smsTo(victim));

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(sms(theirs).status()));
    }

    /**
     * A message refused by the gateway (not handed over) gives its place back at the end of its pass; a message sent
     * keeps it. Places are counted under a keyed hash of the address, never the address itself.
     */
    @Test
    void aPlaceIsGivenBackWhenItsMessageWasNotHandedOver() {
        String refused = Stubs.mobile();
        Stubs.smsGateway(refused, 400);
        String refusedNumber = files(refused);
        String taken = Stubs.mobile();
        Stubs.smsGateway(taken, 200);
        String takenNumber = files(taken);
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "FAILED".equals(sms(refusedNumber).status())
                        && "SENT".equals(sms(takenNumber).status()));
        await().atMost(Duration.ofSeconds(10)).until(() -> places(refused) == 0);
        assertEquals(1, places(taken));
    }

    /** The places taken today for this address (0 when it has no row). */
    private int places(String address) {
        Buffer hash = Buffer.buffer(optOuts.keyedHash("address:" + address).orElseThrow());
        RowSet<Row> rows = pool.preparedQuery("select messages from address_day where address_hash = $1")
                .executeAndAwait(Tuple.of(hash));
        return rows.size() == 0 ? 0 : rows.iterator().next().getInteger("messages");
    }

    /** A complaint with this mobile and no e-mail, filed; its tracking number. */
    private static String files(String mobile) {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        Stubs.contact(complaintId, mobile, null, "zh-CN");
        Events.publish(
                "complaint-events",
                "complaint.received.v1",
                complaintId,
                Events.complaintReceived(complaintId, trackingNumber, false));
        return trackingNumber;
    }

    private NotificationRows.Stored sms(String trackingNumber) {
        return NotificationRows.one(pool, trackingNumber, "SMS");
    }
}
