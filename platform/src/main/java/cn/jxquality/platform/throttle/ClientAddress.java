package cn.jxquality.platform.throttle;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Who is asking, for a throttle: the peer's address, or the right-most {@code X-Forwarded-For} entry (the one the
 * last hop appended; entries to its left are whatever the client claimed) when that hop is trusted: our own proxy
 * ({@code client-address.behind-trusted-proxy}), or a service relaying a citizen's request that proves it with the
 * realm role {@code citizen-relay}. Anyone else's header is ignored, so no client can choose its own address. An
 * IPv6 client is its /64 network: a subscriber is given a whole /64 and could try from a fresh address each time. The
 * same rule in every service.
 */
@ApplicationScoped
public class ClientAddress {

    public static final String RELAY_ROLE = "citizen-relay";
    static final int MAX_LENGTH = 64;
    /** Hex digits, colons and dots only, at least one colon: nothing {@link InetAddress} would look up by name. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

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

    /**
     * The right-most {@code X-Forwarded-For} entry when {@code trustForwarded}, else the peer address; an IPv6
     * address as its /64 network ({@code 2001:db8:1:2::/64}).
     */
    public static String of(String peerAddress, String forwardedFor, boolean trustForwarded) {
        if (trustForwarded && forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            String last = hops.length == 0 ? "" : hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return network(last.length() > MAX_LENGTH ? last.substring(0, MAX_LENGTH) : last);
            }
        }
        return peerAddress == null ? "unknown" : network(peerAddress);
    }

    /** An IPv6 literal's /64 network; anything else as it is (never looked up: only a literal is parsed). */
    static String network(String address) {
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!IPV6_LITERAL.matcher(literal).matches()) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress(); // an IPv4-mapped address is its IPv4 client
            }
            byte[] bytes = parsed.getAddress();
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress().replaceFirst("(:0)+$", "::") + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
