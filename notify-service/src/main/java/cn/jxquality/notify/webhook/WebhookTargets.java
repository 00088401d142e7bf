package cn.jxquality.notify.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may go: {@code https} only, and never to an address inside our own network (loopback, private,
 * link-local such as a cloud's metadata service at 169.254.169.254, unique-local IPv6, multicast, the unspecified
 * address). A department's URL is configured by staff, but a mistaken or tampered one must not make notify-service
 * post case data into the cluster. {@code allowLocal} (development and tests only) lifts both rules.
 */
public final class WebhookTargets {

    private final boolean allowLocal;

    public WebhookTargets(boolean allowLocal) {
        this.allowLocal = allowLocal;
    }

    /** Why {@code url} is refused before its host is looked up, if it is: not https, not absolute, no host. */
    public Optional<String> refusedUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("no host");
        }
        if (!allowLocal && !"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("not https");
        }
        return Optional.empty();
    }

    /**
     * Why {@code url} is refused, its host looked up (blocking: call off the event loop), if it is. Every address
     * the name has is checked: one internal address is enough to refuse.
     */
    public Optional<String> refused(String url) {
        Optional<String> refusedUrl = refusedUrl(url);
        if (refusedUrl.isPresent() || allowLocal) {
            return refusedUrl;
        }
        String host = URI.create(url).getHost();
        try {
            for (InetAddress address : InetAddress.getAllByName(unbracketed(host))) {
                if (internal(address)) {
                    return Optional.of(
                            "its host " + host + " is an internal address (" + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("its host " + host + " is unknown");
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc; // fc00::/7
        boolean carrierNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64; // 100.64/10
        return address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || uniqueLocalV6
                || carrierNat;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
