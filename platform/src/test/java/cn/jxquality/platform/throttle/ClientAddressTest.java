package cn.jxquality.platform.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() {
        assertEquals("10.0.0.7", ClientAddress.of("10.0.0.7", "203.0.113.9", false));
    }

    @Test
    void behindATrustedProxyTheRightMostEntryCounts() {
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.7", "198.51.100.1, 203.0.113.9", true));
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.7", "203.0.113.9", true));
    }

    @Test
    void anEmptyHeaderFallsBackToThePeer() {
        assertEquals("10.0.0.7", ClientAddress.of("10.0.0.7", " , ", true));
        assertEquals("10.0.0.7", ClientAddress.of("10.0.0.7", null, true));
    }

    /** A subscriber holds a whole /64: every address in it is one client, whatever the notation. */
    @Test
    void anIpv6ClientIsItsSlash64Network() {
        assertEquals("2001:db8:1:2::/64", ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null, false));
        assertEquals("2001:db8:1:2::/64", ClientAddress.of("2001:0DB8:0001:0002::1", null, false));
        assertEquals("2001:db8:1:2::/64", ClientAddress.of("10.0.0.7", "2001:db8:1:2:ffff::9", true));
        assertEquals("2001:db8:1:2::/64", ClientAddress.of("[2001:db8:1:2::7]", null, false));
        assertEquals("fe80::/64", ClientAddress.of("fe80::1%eth0", null, false), "a zone is not part of the client");
        assertEquals("2001:db8:1:3::/64", ClientAddress.of("2001:db8:1:3::1", null, false), "the next /64 is another");
        assertEquals("0::/64", ClientAddress.of("::1", null, false));
        assertEquals("203.0.113.9", ClientAddress.of("::ffff:203.0.113.9", null, false), "IPv4-mapped is IPv4");
    }

    @Test
    void whatIsNotAnAddressLiteralIsKeptAsItIsAndNeverLookedUp() {
        assertEquals("unknown", ClientAddress.of(null, null, false));
        assertEquals("evil.example", ClientAddress.of("10.0.0.7", "evil.example", true));
        assertEquals("evil:example", ClientAddress.of("10.0.0.7", "evil:example", true));
    }
}
