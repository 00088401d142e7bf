package cn.jxquality.complaint.status;

import io.vertx.core.http.HttpServerRequest;

/** Who is asking, for the throttle: the peer's address, or the proxy's word for it when we sit behind one. */
public final class ClientAddress {

    static final int MAX_LENGTH = 64;

    private ClientAddress() {}

    /** The client of an HTTP request (see {@link #of(String, String, boolean)}). */
    public static String of(HttpServerRequest request, boolean behindTrustedProxy) {
        return of(
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.getHeader("X-Forwarded-For"),
                behindTrustedProxy);
    }

    /**
     * The right-most {@code X-Forwarded-For} entry when behind a trusted proxy (the one that proxy appended;
     * entries to its left are whatever the client claimed), else the peer address.
     */
    public static String of(String peerAddress, String forwardedFor, boolean behindTrustedProxy) {
        if (behindTrustedProxy && forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            String last = hops.length == 0 ? "" : hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last.length() > MAX_LENGTH ? last.substring(0, MAX_LENGTH) : last;
            }
        }
        return peerAddress == null ? "unknown" : peerAddress;
    }
}
