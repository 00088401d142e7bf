package cn.jxquality.complaint.intake;

import cn.jxquality.complaint.idempotency.IdempotencyKey;
import cn.jxquality.complaint.idempotency.IdempotencyStore;
import cn.jxquality.complaint.outbox.Outbox;
import cn.jxquality.complaint.status.TimelineEntry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Registers a submission in one transaction: its record (two linked ones for a complaint-and-report), their
 * first timeline entries and events, and the answer under its idempotency key.
 */
@ApplicationScoped
public class IntakeService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final SubmissionRules rules;
    private final QueryCodes queryCodes;
    private final PersonSeal personSeal;
    private final Duplicates duplicates;
    private final IdempotencyStore idempotency;
    private final Outbox outbox;
    private final ObjectMapper json;

    IntakeService(
            SubmissionRules rules,
            QueryCodes queryCodes,
            PersonSeal personSeal,
            Duplicates duplicates,
            IdempotencyStore idempotency,
            Outbox outbox,
            ObjectMapper json) {
        this.rules = rules;
        this.queryCodes = queryCodes;
        this.personSeal = personSeal;
        this.duplicates = duplicates;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.json = json;
    }

    /** Checks the rules first, so an invalid submission never opens a transaction. */
    public Uni<SubmissionReceipt> submit(SubmissionRequest request, String caller, IdempotencyKey key) {
        rules.check(request);
        if (key == null) {
            return Panache.withTransaction(() -> register(request, caller));
        }
        return Panache.withTransaction(() -> idempotency
                .claim(caller, key, write(request))
                .flatMap(claim -> claim.isReplay()
                        ? Uni.createFrom().item(read(claim.replay()))
                        : register(request, caller).call(receipt -> idempotency.complete(claim, json(receipt)))));
    }

    private Uni<SubmissionReceipt> register(SubmissionRequest request, String caller) {
        Instant now = Instant.now();
        return switch (request.kind()) {
            case COMPLAINT ->
                registerOne(request, ComplaintKind.COMPLAINT, now, caller, null).map(Registered::receipt);
            case REPORT ->
                registerOne(request, ComplaintKind.REPORT, now, caller, null).map(Registered::receipt);
            case COMPLAINT_AND_REPORT ->
                registerOne(request, ComplaintKind.COMPLAINT, now, caller, null)
                        .flatMap(complaint -> registerOne(request, ComplaintKind.REPORT, now, caller, complaint)
                                .map(report -> complaint.receipt().withLinked(report.receipt())));
        };
    }

    /** One record; the report half of a split points at its complaint, anything else at what it repeats. */
    private Uni<Registered> registerOne(
            SubmissionRequest request, ComplaintKind kind, Instant now, String caller, Registered splitFrom) {
        String queryCode = queryCodes.newCode();
        return nextTrackingNumber(now).flatMap(trackingNumber -> {
            Complaint complaint = newComplaint(request, kind, trackingNumber, queryCode, now);
            complaint.submittedBy = caller == null || caller.isEmpty() ? null : caller;
            return link(complaint, splitFrom)
                    .flatMap(linked -> complaint.persist())
                    .flatMap(saved -> TimelineEntry.record(complaint.id, now, PublicStatus.RECEIVED, null, null))
                    .flatMap(entry -> outbox.append(
                            complaint.id,
                            ComplaintReceived.TYPE,
                            complaint.trackingNumber,
                            ComplaintReceived.of(complaint)))
                    .invoke(event -> Log.infof(
                            "Received %s %s via %s, category %s%s",
                            complaint.kind,
                            complaint.trackingNumber,
                            complaint.channel,
                            complaint.category,
                            complaint.linkReason == null ? "" : ", " + complaint.linkReason))
                    .replaceWith(new Registered(complaint, queryCode));
        });
    }

    private Uni<Void> link(Complaint complaint, Registered splitFrom) {
        if (splitFrom != null) {
            complaint.linkedComplaintId = splitFrom.complaint().id;
            complaint.linkReason = LinkReason.SPLIT;
            return Uni.createFrom().voidItem();
        }
        return duplicates
                .earliestRepeatedBy(complaint)
                .invoke(earlier -> {
                    if (earlier != null) {
                        complaint.linkedComplaintId = earlier.id;
                        complaint.linkReason = LinkReason.DUPLICATE;
                    }
                })
                .replaceWithVoid();
    }

    private Uni<String> nextTrackingNumber(Instant now) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("select nextval('tracking_number_seq')", Long.class)
                        .getSingleResult())
                .map(seq -> "JX" + DAY.format(now.atZone(CHINA)) + String.format("%06d", seq % 1_000_000));
    }

    private Complaint newComplaint(
            SubmissionRequest r, ComplaintKind kind, String trackingNumber, String queryCode, Instant now) {
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.trackingNumber = trackingNumber;
        c.queryCodeHash = queryCodes.hash(queryCode);
        c.kind = kind;
        c.channel = r.channel();
        c.category = r.category();
        c.subjectName = r.subject().name().strip();
        c.subjectNameKey = SubjectName.key(c.subjectName);
        c.subjectCreditCode = blankToNull(r.subject().creditCode());
        c.subjectAddress = blankToNull(r.subject().address());
        c.subjectRegionCode = r.subject().regionCode();
        c.subjectOnlinePlatform = blankToNull(r.subject().onlinePlatform());
        c.occurredOn = r.occurredOn();
        c.productOrService = blankToNull(r.productOrService());
        c.amountFen = r.amountFen();
        c.description = r.description().strip();
        boolean complaint = kind == ComplaintKind.COMPLAINT;
        c.remedy = complaint ? r.remedy() : null;
        c.consentPublish = complaint && r.consents() != null && r.consents().publish();
        c.consentEntrustedMediation =
                complaint && r.consents() != null && r.consents().entrustedMediation();
        c.anonymous = r.anonymous();
        c.rewardRequested = !complaint && r.rewardRequested();
        c.status = PublicStatus.RECEIVED;
        c.receivedAt = now;
        c.updatedAt = now;
        personSeal.seal(c, r.person());
        return c;
    }

    private String write(SubmissionRequest request) {
        return new String(json(request), java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] json(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("not serialisable", e);
        }
    }

    private SubmissionReceipt read(byte[] answer) {
        try {
            return json.readValue(answer, SubmissionReceipt.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored answer unreadable", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A record just registered, with the query code only its submitter will see. */
    private record Registered(Complaint complaint, String queryCode) {

        SubmissionReceipt receipt() {
            return new SubmissionReceipt(
                    complaint.trackingNumber, queryCode, PublicStatus.RECEIVED, complaint.receivedAt);
        }
    }
}
