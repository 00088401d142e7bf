package cn.jxquality.platform.throttle;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is asking, for a throttle: the peer's address, or the right-most {@code X-Forwarded-For} entry (the one the
 * last hop appended; entries to its left are whatever the client claimed) when that hop is trusted: our own proxy
 * ({@code client-address.behind-trusted-proxy}), or a service relaying a citizen's request that proves it with the
 * realm role {@code citizen-relay}. Anyone else's header is ignored, so no client can choose its own address. The
 * same rule in every service.
 */
@ApplicationScoped
public class ClientAddress {

    public static final String RELAY_ROLE = "citizen-relay";
    static final int MAX_LENGTH = 64;

    private final ClientAddressConfig config;

    ClientAddress(ClientAddressConfig config) {
        this.config = config;
    }

    /** The client of a request no service relays (a public page or endpoint called by browsers). */
    public String of(HttpServerRequest request) {
        return of(request, null);
    }

    /** The client of a request made by {@code caller} (anonymous, a person or a relaying service). */
    public String of(HttpServerRequest request, SecurityIdentity caller) {
        boolean relayed = caller != null && !caller.isAnonymous() && caller.hasRole(RELAY_ROLE);
        return of(
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.getHeader("X-Forwarded-For"),
                config.behindTrustedProxy() || relayed);
    }

    /** The right-most {@code X-Forwarded-For} entry when {@code trustForwarded}, else the peer address. */
    public static String of(String peerAddress, String forwardedFor, boolean trustForwarded) {
        if (trustForwarded && forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            String last = hops.length == 0 ? "" : hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last.length() > MAX_LENGTH ? last.substring(0, MAX_LENGTH) : last;
            }
        }
        return peerAddress == null ? "unknown" : peerAddress;
    }
}
