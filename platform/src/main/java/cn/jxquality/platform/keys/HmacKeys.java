package cn.jxquality.platform.keys;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under keys that can rotate: each key has an id, stored next to every MAC made with it, so a new key can
 * take over while the earlier ones still check what they made. Configured as an active key with its id plus earlier
 * keys as {@code id:base64,id:base64}; every key at least {@value KeyMaterial#MIN_BYTES} bytes.
 */
public final class HmacKeys {

    private static final String ALGORITHM = "HmacSHA256";

    private final String activeId;
    /** A keyed Mac per key and thread: keying one costs more than the MAC itself, and a Mac is not thread-safe. */
    private final Map<String, ThreadLocal<Mac>> macs;

    private HmacKeys(String activeId, Map<String, ThreadLocal<Mac>> macs) {
        this.activeId = activeId;
        this.macs = macs;
    }

    /**
     * The keys named by {@code property} (for the failures' messages): the active one, Base64, under {@code activeId},
     * and the earlier ones, {@code id:base64} separated by commas, if any.
     */
    public static HmacKeys of(String property, String activeId, String activeKey, Optional<String> earlierKeys) {
        Map<String, ThreadLocal<Mac>> macs = new LinkedHashMap<>();
        macs.put(activeId, keyed(property, activeKey));
        earlierKeys.filter(list -> !list.isBlank()).ifPresent(list -> {
            for (String entry : list.split(",")) {
                String[] idAndKey = entry.strip().split(":", 2);
                if (idAndKey.length != 2 || idAndKey[0].isBlank()) {
                    throw new IllegalStateException(
                            property + "'s earlier keys must be id:base64, separated by commas");
                }
                if (macs.putIfAbsent(idAndKey[0], keyed(property + " " + idAndKey[0], idAndKey[1])) != null) {
                    throw new IllegalStateException(property + " names key id " + idAndKey[0] + " twice");
                }
            }
        });
        return new HmacKeys(activeId, Collections.unmodifiableMap(macs));
    }

    /** The id new MACs are made under. */
    public String activeId() {
        return activeId;
    }

    /** Every configured key id, the active one first. */
    public Set<String> ids() {
        return macs.keySet();
    }

    /** The MAC of {@code parts} (one after the other) under the active key. */
    public byte[] mac(byte[]... parts) {
        return macUnder(macs.get(activeId), parts);
    }

    /** The MAC of {@code parts} under key {@code keyId}; empty if that key is no longer configured. */
    public Optional<byte[]> mac(String keyId, byte[]... parts) {
        ThreadLocal<Mac> mac = macs.get(keyId);
        return mac == null ? Optional.empty() : Optional.of(macUnder(mac, parts));
    }

    /** The MAC of {@code parts} under every configured key, the active one first: to find what earlier keys made. */
    public List<byte[]> macsUnderEveryKey(byte[]... parts) {
        List<byte[]> all = new ArrayList<>(macs.size());
        for (ThreadLocal<Mac> mac : macs.values()) {
            all.add(macUnder(mac, parts));
        }
        return all;
    }

    private static byte[] macUnder(ThreadLocal<Mac> keyed, byte[]... parts) {
        Mac mac = keyed.get();
        mac.reset(); // nothing left over from a call that failed half-way
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    private static ThreadLocal<Mac> keyed(String property, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " must be Base64", e);
        }
        if (raw.length < KeyMaterial.MIN_BYTES) {
            throw new IllegalStateException(
                    property + " must be at least " + KeyMaterial.MIN_BYTES + " bytes, base64-encoded");
        }
        SecretKeySpec key = new SecretKeySpec(raw, ALGORITHM);
        newMac(key); // a key the provider refuses stops the start, not the first citizen
        return ThreadLocal.withInitial(() -> newMac(key));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
