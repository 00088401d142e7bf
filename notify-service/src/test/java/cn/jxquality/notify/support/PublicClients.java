package cn.jxquality.notify.support;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Callers of the public opt-out endpoint: each test comes from an address of its own (the test profile trusts
 * {@code X-Forwarded-For} as a proxy's), so the throttle's per-client count of one test never closes another's door.
 */
public final class PublicClients {

    private PublicClients() {}

    /** An address no other test uses. */
    public static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** The {@code X-Forwarded-For} our proxy would send for a fresh client: whatever it claimed, then its address. */
    public static String forwardedFor() {
        return "203.0.113.9, " + address();
    }
}
