package cn.jxquality.complaint.page;

import cn.jxquality.complaint.intake.SubmissionReceipt;
import cn.jxquality.complaint.personal.PersonalDataCipher;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.CookieSameSite;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Carries a fresh receipt from the form's POST to the receipt page it redirects to (so a reload never posts the form
 * again): sealed with the personal-data key, bound to its tracking number, sent only to the receipt page's path and
 * readable only for a few minutes. The query code exists nowhere else in clear.
 */
@ApplicationScoped
public class ReceiptCookie {

    static final String NAME = "receipt";
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final PersonalDataCipher cipher;
    private final ObjectMapper json;

    ReceiptCookie(PersonalDataCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    /** The receipt of a registered form, both records of a complaint-and-report. */
    public static Receipt of(FormIntake.Registered registered) {
        SubmissionReceipt first = registered.receipt();
        List<Entry> records = new ArrayList<>();
        records.add(new Entry(first.trackingNumber(), first.queryCode(), first.linked() == null ? null : "COMPLAINT"));
        if (first.linked() != null) {
            first.linked().forEach(r -> records.add(new Entry(r.trackingNumber(), r.queryCode(), "REPORT")));
        }
        return new Receipt(records, first.receivedAt(), registered.evidenceFiles(), registered.evidenceFailed());
    }

    /** One record's receipt (a complaint-and-report has two). */
    public record Entry(String trackingNumber, String queryCode, String kind) {}

    /** What the receipt page shows. */
    public record Receipt(List<Entry> records, Instant receivedAt, int evidenceFiles, boolean evidenceFailed) {

        public Entry first() {
            return records.get(0);
        }
    }

    /** Keeps {@code receipt} for the receipt page at {@code path} (and below it). */
    public void set(PageContext page, Receipt receipt, String path) {
        String trackingNumber = receipt.first().trackingNumber();
        try {
            PersonalDataCipher.Sealed sealed = cipher.seal(json.writeValueAsBytes(receipt), owner(trackingNumber));
            String value = sealed.keyId() + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.ciphertext());
            page.addCookie(NAME, value, path, LIFETIME, CookieSameSite.STRICT);
        } catch (IOException e) {
            throw new IllegalStateException("receipt not serialisable", e);
        }
    }

    /** The receipt for {@code trackingNumber}, if this browser has one that opens. */
    public Optional<Receipt> get(PageContext page, String trackingNumber) {
        String value = page.cookie(NAME);
        if (value == null || value.indexOf('.') < 1) {
            return Optional.empty();
        }
        try {
            byte[] ciphertext = Base64.getUrlDecoder().decode(value.substring(value.indexOf('.') + 1));
            String keyId = value.substring(0, value.indexOf('.'));
            byte[] plain = cipher.open(new PersonalDataCipher.Sealed(keyId, ciphertext), owner(trackingNumber));
            Receipt receipt = json.readValue(plain, Receipt.class);
            return receipt.receivedAt().plus(LIFETIME).isAfter(Instant.now()) ? Optional.of(receipt) : Optional.empty();
        } catch (RuntimeException | IOException e) {
            // another receipt's cookie, an expired key or a tampered value: no receipt to show
            return Optional.empty();
        }
    }

    private static UUID owner(String trackingNumber) {
        return UUID.nameUUIDFromBytes(("receipt:" + trackingNumber).getBytes(StandardCharsets.UTF_8));
    }
}
