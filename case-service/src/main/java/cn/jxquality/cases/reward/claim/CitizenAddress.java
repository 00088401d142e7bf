package cn.jxquality.cases.reward.claim;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Whose address a public claim counts against: the peer's, unless the caller proves it relays a citizen's request
 * (complaint-service's claim page, realm role {@code citizen-relay}); then the right-most {@code X-Forwarded-For}
 * entry, which that relay set. Anyone else's header is ignored, so no client can choose its own address.
 */
final class CitizenAddress {

    static final String RELAY_ROLE = "citizen-relay";
    private static final int MAX_LENGTH = 64;

    private CitizenAddress() {}

    static String of(HttpServerRequest request, SecurityIdentity identity) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !identity.isAnonymous() && identity.hasRole(RELAY_ROLE)) {
            String[] hops = forwarded.split(",");
            String last = hops.length == 0 ? "" : hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last.length() > MAX_LENGTH ? last.substring(0, MAX_LENGTH) : last;
            }
        }
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }
}
