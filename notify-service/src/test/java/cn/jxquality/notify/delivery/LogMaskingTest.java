package cn.jxquality.notify.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.notify.support.Events;
import cn.jxquality.notify.support.NotificationRows;
import cn.jxquality.notify.support.Stubs;
import cn.jxquality.notify.support.ThirdParties;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service's own log (the test profile writes it to a file) shows citizens' addresses masked, never in clear. */
@QuarkusTest
@QuarkusTestResource(ThirdParties.class)
class LogMaskingTest {

    static final Path LOG = Path.of("target/notify-service-test.log");

    @Inject
    Pool pool;

    @Test
    void aMobileAndAnEmailAddressNeverReachTheLogInClear() throws IOException {
        UUID complaintId = UUID.randomUUID();
        String trackingNumber = Events.trackingNumber();
        String mobile = Stubs.mobile();
        String email = "m" + complaintId.toString().substring(0, 8) + "@example.cn";
        Stubs.contact(complaintId, mobile, email, "zh-CN");
        Stubs.smsGateway(mobile, 503, 200); // a failed try logs too

        Events.publish(
                "complaint-events",
                "complaint.received.v1",
                complaintId,
                Events.complaintReceived(complaintId, trackingNumber, false));

        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(20))
                .until(() -> NotificationRows.of(pool, trackingNumber).size() == 2
                        && NotificationRows.of(pool, trackingNumber).stream()
                                .allMatch(row -> row.status().equals("SENT"))
                        && serviceLog().stream().anyMatch(line -> line.contains(masked(mobile))));
        assertEquals(2, NotificationRows.one(pool, trackingNumber, "SMS").attempts());
        List<String> service = serviceLog();
        assertTrue(service.stream().anyMatch(line -> line.contains("m***@example.cn")), "the masked e-mail is logged");
        for (String secret : List.of(mobile, email, "张三")) {
            assertEquals(
                    List.of(),
                    service.stream().filter(line -> line.contains(secret)).toList(),
                    "log lines with a personal detail in clear");
        }
    }

    /** Lines of this service and its libraries; the stand-ins for the outside world (WireMock, GreenMail) excluded. */
    static List<String> serviceLog() throws IOException {
        return Files.readAllLines(LOG, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.contains("[com.icegreen.")
                        && !line.contains("[com.github.tomakehurst.")
                        && !line.contains("[wiremock."))
                .toList();
    }

    private static String masked(String mobile) {
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }
}
