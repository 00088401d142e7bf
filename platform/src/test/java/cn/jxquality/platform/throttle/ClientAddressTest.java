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
}
