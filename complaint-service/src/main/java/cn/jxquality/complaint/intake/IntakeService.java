package cn.jxquality.complaint.intake;

import cn.jxquality.complaint.outbox.Outbox;
import cn.jxquality.complaint.personal.BlindIndex;
import cn.jxquality.complaint.personal.PersonalDataCipher;
import cn.jxquality.complaint.status.TimelineEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Registers a submission: the complaint, its first timeline entry and its event, in one transaction. */
@ApplicationScoped
public class IntakeService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final SubmissionRules rules;
    private final QueryCodes queryCodes;
    private final PersonalDataCipher cipher;
    private final BlindIndex blindIndex;
    private final Outbox outbox;
    private final ObjectMapper json;

    IntakeService(
            SubmissionRules rules,
            QueryCodes queryCodes,
            PersonalDataCipher cipher,
            BlindIndex blindIndex,
            Outbox outbox,
            ObjectMapper json) {
        this.rules = rules;
        this.queryCodes = queryCodes;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.outbox = outbox;
        this.json = json;
    }

    /** Checks the rules first, so an invalid submission never opens a transaction. */
    public Uni<SubmissionReceipt> submit(SubmissionRequest request) {
        rules.check(request);
        return Panache.withTransaction(() -> register(request));
    }

    private Uni<SubmissionReceipt> register(SubmissionRequest request) {
        String queryCode = queryCodes.newCode();
        Instant now = Instant.now();
        return nextTrackingNumber(now).flatMap(trackingNumber -> {
            Complaint complaint = newComplaint(request, trackingNumber, queryCode, now);
            return complaint
                    .persist()
                    .flatMap(saved -> TimelineEntry.record(complaint.id, now, PublicStatus.RECEIVED, null, null))
                    .flatMap(entry -> outbox.append(
                            complaint.id,
                            ComplaintReceived.TYPE,
                            complaint.trackingNumber,
                            ComplaintReceived.of(complaint)))
                    .invoke(event -> Log.infof(
                            "Received %s %s via %s, category %s",
                            complaint.kind, complaint.trackingNumber, complaint.channel, complaint.category))
                    .replaceWith(new SubmissionReceipt(
                            trackingNumber, queryCode, PublicStatus.RECEIVED, complaint.receivedAt));
        });
    }

    private Uni<String> nextTrackingNumber(Instant now) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("select nextval('tracking_number_seq')", Long.class)
                        .getSingleResult())
                .map(seq -> "JX" + DAY.format(now.atZone(CHINA)) + String.format("%06d", seq % 1_000_000));
    }

    private Complaint newComplaint(SubmissionRequest r, String trackingNumber, String queryCode, Instant now) {
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.trackingNumber = trackingNumber;
        c.queryCodeHash = queryCodes.hash(queryCode);
        c.kind = r.kind();
        c.channel = r.channel();
        c.category = r.category();
        c.subjectName = r.subject().name().strip();
        c.subjectCreditCode = blankToNull(r.subject().creditCode());
        c.subjectAddress = blankToNull(r.subject().address());
        c.subjectRegionCode = r.subject().regionCode();
        c.subjectOnlinePlatform = blankToNull(r.subject().onlinePlatform());
        c.occurredOn = r.occurredOn();
        c.productOrService = blankToNull(r.productOrService());
        c.amountFen = r.amountFen();
        c.description = r.description().strip();
        c.remedy = r.remedy();
        c.consentPublish = r.consents() != null && r.consents().publish();
        c.consentEntrustedMediation = r.consents() != null && r.consents().entrustedMediation();
        c.anonymous = r.anonymous();
        c.rewardRequested = r.rewardRequested();
        c.status = PublicStatus.RECEIVED;
        c.receivedAt = now;
        c.updatedAt = now;
        sealPerson(c, r.person());
        return c;
    }

    private void sealPerson(Complaint c, SubmissionRequest.Person person) {
        if (person == null) {
            return;
        }
        String mobile = MainlandMobile.normalise(person.mobile()).orElse(null);
        SubmissionRequest.Person normalised = new SubmissionRequest.Person(
                person.name(), mobile, person.idType(), person.idNumber(), person.address(), person.email());
        PersonalDataCipher.Sealed sealed = cipher.seal(toJson(normalised), c.id);
        c.personCiphertext = sealed.ciphertext();
        c.personKeyId = sealed.keyId();
        c.mobileBlindIndex = mobile == null ? null : blindIndex.of("mobile", mobile);
        c.idNumberBlindIndex = person.idNumber() == null
                ? null
                : blindIndex.of("id-number", person.idNumber().strip().toUpperCase());
    }

    private byte[] toJson(SubmissionRequest.Person person) {
        try {
            return json.writeValueAsBytes(person);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("person not serialisable", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
