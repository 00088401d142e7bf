package cn.jxquality.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A department's webhook goes over https to an outside address only (no look-up needed for the literals here). */
class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hooks",
                "https://localhost:8443/hooks",
                "https://10.1.2.3/hooks",
                "https://172.16.0.5/hooks",
                "https://192.168.1.10/hooks",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hooks",
                "https://0.0.0.0/hooks",
                "https://224.0.0.1/hooks",
                "https://[::1]/hooks",
                "https://[fe80::1]/hooks",
                "https://[fd00::1]/hooks",
                "https://[::ffff:10.0.0.1]/hooks"
            })
    void internalAddressesAreRefused(String url) {
        Optional<String> refused = production.refused(url);
        assertTrue(refused.isPresent(), url + " was let through");
        assertTrue(refused.get().contains("internal address"), refused.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://203.0.113.10/hooks", "ftp://203.0.113.10/hooks", "/hooks", "https:///hooks"})
    void onlyAbsoluteHttpsUrlsAreTaken(String url) {
        assertTrue(production.refusedUrl(url).isPresent(), url + " was let through");
        assertTrue(production.refused(url).isPresent(), url + " was let through");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://203.0.113.10/hooks", "https://[2001:db8::10]/hooks", "HTTPS://8.8.8.8/x"})
    void httpsToAnOutsideAddressIsTaken(String url) {
        assertEquals(Optional.empty(), production.refused(url));
    }

    /** A department configured with a plain-http URL stops the service at start, not at its first notice. */
    @Test
    void aPlainHttpDepartmentUrlStopsTheServiceAtStart() {
        io.vertx.mutiny.core.Vertx vertx = io.vertx.mutiny.core.Vertx.vertx();
        try {
            IllegalStateException refused = assertThrows(
                    IllegalStateException.class,
                    () -> new WebhookSender(vertx, config("http://203.0.113.10/hooks"), Clock.systemUTC()));
            assertTrue(refused.getMessage().contains("360700-AMR"), refused.getMessage());
            assertTrue(refused.getMessage().contains("not https"), refused.getMessage());
            new WebhookSender(vertx, config("https://203.0.113.10/hooks"), Clock.systemUTC());
        } finally {
            vertx.closeAndAwait();
        }
    }

    private static WebhookConfig config(String url) {
        return new WebhookConfig() {
            @Override
            public Optional<String> key() {
                return Optional.of("a-master-key-of-at-least-32-bytes!");
            }

            @Override
            public String keyId() {
                return "v1";
            }

            @Override
            public Map<String, String> departments() {
                return Map.of("360700-AMR", url);
            }

            @Override
            public boolean allowLocalTargets() {
                return false;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/hooks/360700-AMR", "https://[::1]/hooks"})
    void developmentAndTestsMayAllowLocalTargets(String url) {
        assertEquals(Optional.empty(), new WebhookTargets(true).refused(url));
    }
}
