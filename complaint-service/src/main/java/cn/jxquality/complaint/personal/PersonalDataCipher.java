package cn.jxquality.complaint.personal;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal data at rest. Each ciphertext is {@code iv ‖ ciphertext+tag}, bound to its
 * complaint id as associated data so a ciphertext copied onto another row does not decrypt.
 */
@Startup // a missing or malformed key stops the service at start, not at the first citizen
@ApplicationScoped
public class PersonalDataCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * A cipher per thread: looking one up on every call cost half as much as the sealing, and re-initialising it with
     * the key it had skips the key schedule.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(PersonalDataCipher::newCipher);

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    PersonalDataCipher(PersonalDataConfig config) {
        this.keys = config.keys().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> aesKey(e.getKey(), e.getValue())));
        this.activeKeyId = config.activeKeyId();
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("personal-data.active-key-id names no configured key: " + activeKeyId);
        }
    }

    /** Encrypts with the active key. */
    public Sealed seal(byte[] plaintext, UUID owner) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), iv, owner, plaintext);
        return new Sealed(
                activeKeyId,
                ByteBuffer.allocate(IV_BYTES + sealed.length)
                        .put(iv)
                        .put(sealed)
                        .array());
    }

    /** Decrypts with the key the data was sealed with. */
    public byte[] open(Sealed sealed, UUID owner) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no key configured for key id " + sealed.keyId());
        }
        ByteBuffer buffer = ByteBuffer.wrap(sealed.ciphertext());
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] rest = new byte[buffer.remaining()];
        buffer.get(rest);
        return run(Cipher.DECRYPT_MODE, key, iv, owner, rest);
    }

    /** The id of the key new data is sealed with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** The ids of every configured key: data sealed under one of them opens. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Ciphertext and the id of the key that made it. */
    public record Sealed(String keyId, byte[] ciphertext) {}

    private static byte[] run(int mode, SecretKey key, byte[] iv, UUID owner, byte[] input) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(owner.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data cipher failed", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] raw = Base64.getDecoder().decode(base64);
        if (raw.length != 32) {
            throw new IllegalStateException("personal-data key " + id + " must be 32 bytes, base64-encoded");
        }
        return new SecretKeySpec(raw, "AES");
    }
}
