package cn.jxquality.complaint.intake;

import cn.jxquality.complaint.personal.BlindIndex;
import cn.jxquality.complaint.personal.PersonalDataCipher;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Puts a complaint's person under seal (AES-GCM plus blind indexes) and opens it again for audited reads. */
@ApplicationScoped
public class PersonSeal {

    static final String MOBILE = "mobile";
    static final String ID_NUMBER = "id-number";

    private final PersonalDataCipher cipher;
    private final BlindIndex blindIndex;
    private final ObjectMapper json;

    PersonSeal(PersonalDataCipher cipher, BlindIndex blindIndex, ObjectMapper json) {
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.json = json;
    }

    /** Seals the person (mobile normalised) onto the complaint and sets its blind indexes. */
    void seal(Complaint c, SubmissionRequest.Person person) {
        c.indexKeyId = blindIndex.keyId();
        if (person == null) {
            return;
        }
        String mobile = MainlandMobile.normalise(person.mobile()).orElse(null);
        SubmissionRequest.Person normalised = new SubmissionRequest.Person(
                person.name(), mobile, person.idType(), person.idNumber(), person.address(), person.email());
        PersonalDataCipher.Sealed sealed = cipher.seal(write(normalised), c.id);
        c.personCiphertext = sealed.ciphertext();
        c.personKeyId = sealed.keyId();
        c.mobileBlindIndex = mobile == null ? null : mobileIndex(mobile);
        c.idNumberBlindIndex = person.idNumber() == null ? null : idNumberIndex(person.idNumber());
    }

    /** The person, decrypted; callers must leave an audit row (see {@code IdentityAudit}). */
    public Optional<SubmissionRequest.Person> open(Complaint c) {
        return open(c.id, c.personKeyId, c.personCiphertext);
    }

    /**
     * As {@link #open(Complaint)}, from the complaint's raw columns ({@code id}, {@code person_key_id},
     * {@code person_ciphertext}) for callers that read them with one statement instead of loading the entity.
     */
    public Optional<SubmissionRequest.Person> open(UUID complaintId, String keyId, byte[] ciphertext) {
        if (ciphertext == null) {
            return Optional.empty();
        }
        byte[] plain = cipher.open(new PersonalDataCipher.Sealed(keyId, ciphertext), complaintId);
        try {
            return Optional.of(json.readValue(plain, SubmissionRequest.Person.class));
        } catch (IOException e) {
            throw new UncheckedIOException("sealed person unreadable", e);
        }
    }

    /** The blind index of a normalised 11-digit mobile. */
    public byte[] mobileIndex(String normalisedMobile) {
        return blindIndex.of(MOBILE, normalisedMobile);
    }

    /** The blind index of a normalised 11-digit mobile under every configured key: what a search looks for. */
    public List<byte[]> mobileIndexes(String normalisedMobile) {
        return blindIndex.underEveryKey(MOBILE, normalisedMobile);
    }

    public byte[] idNumberIndex(String idNumber) {
        return blindIndex.of(ID_NUMBER, idNumber.strip().toUpperCase());
    }

    private byte[] write(SubmissionRequest.Person person) {
        try {
            return json.writeValueAsBytes(person);
        } catch (IOException e) {
            throw new UncheckedIOException("person not serialisable", e);
        }
    }
}
