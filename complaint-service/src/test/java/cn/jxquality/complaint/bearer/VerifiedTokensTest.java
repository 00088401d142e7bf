package cn.jxquality.complaint.bearer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T02:00:00Z"));
    private final VerifiedTokens tokens = new VerifiedTokens(clock);

    @Test
    void onlyTheSameTokenIsFound() {
        SecurityIdentity operator = identity("operator1");
        tokens.remember("header.payload.signature", operator, clock.instant().plusSeconds(300));

        assertSame(operator, tokens.find("header.payload.signature"));
        assertNull(tokens.find("header.payload.signaturE"));
        assertNull(tokens.find("header.payload."));
        assertNull(tokens.find("header.payload.signature "));
    }

    @Test
    void aTokenIsForgottenWhenItExpires() {
        tokens.remember("short", identity("operator1"), clock.instant().plusSeconds(20));

        clock.advance(Duration.ofSeconds(19));
        assertNotNull(tokens.find("short"));
        clock.advance(Duration.ofSeconds(1));
        assertNull(tokens.find("short"));
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheHold() {
        tokens.remember("long", identity("operator1"), clock.instant().plus(Duration.ofHours(1)));

        clock.advance(VerifiedTokens.HOLD.minusSeconds(1));
        assertNotNull(tokens.find("long"));
        clock.advance(Duration.ofSeconds(1));
        assertNull(tokens.find("long"));
    }

    @Test
    void anExpiredTokenIsNotKept() {
        tokens.remember("stale", identity("operator1"), clock.instant());

        assertNull(tokens.find("stale"));
        assertEquals(0, tokens.size());
    }

    @Test
    void aFullStoreDropsWhatExpiredThenStartsAfresh() {
        for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
            tokens.remember("t" + i, identity("u" + i), clock.instant().plusSeconds(i < 10 ? 5 : 300));
        }
        clock.advance(Duration.ofSeconds(5));

        tokens.remember("next", identity("next"), clock.instant().plusSeconds(300));
        assertEquals(VerifiedTokens.CAPACITY - 10 + 1, tokens.size());
        assertNotNull(tokens.find("t10"));

        for (int i = 0; i < 9; i++) {
            tokens.remember("more" + i, identity("more"), clock.instant().plusSeconds(300));
        }
        tokens.remember("last", identity("last"), clock.instant().plusSeconds(300));
        assertEquals(1, tokens.size());
        assertNotNull(tokens.find("last"));
    }

    private static SecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole("operator")
                .build();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
