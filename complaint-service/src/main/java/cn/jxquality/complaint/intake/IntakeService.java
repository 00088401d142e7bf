package cn.jxquality.complaint.intake;

import cn.jxquality.complaint.idempotency.IdempotencyKey;
import cn.jxquality.complaint.idempotency.IdempotencyStore;
import cn.jxquality.platform.outbox.OutboxRelay;
import cn.jxquality.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Registers a submission in one transaction: its record (two linked ones for a complaint-and-report), their
 * first timeline entries and events, and the answer under its idempotency key. A single record without a key is one
 * statement ({@link RecordWriter}), committed together with the others arriving at the same moment; the rest share a
 * transaction on one connection.
 */
@ApplicationScoped
public class IntakeService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * A tracking number is {@code JX}, the day in Beijing and seven digits of a sequence that runs on across days, so
     * a day holds 10,000,000 numbers; the next one after those would repeat the day's first, which the unique key
     * refuses.
     */
    static final String TRACKING_NUMBER_KEY = "complaint_tracking_number_key";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final SubmissionRules rules;
    private final QueryCodes queryCodes;
    private final PersonSeal personSeal;
    private final RecordWriter writer;
    private final IdempotencyStore idempotency;
    private final Pool pool;
    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final EnterpriseFirst enterpriseFirst;

    IntakeService(
            SubmissionRules rules,
            QueryCodes queryCodes,
            PersonSeal personSeal,
            RecordWriter writer,
            IdempotencyStore idempotency,
            Pool pool,
            ObjectMapper json,
            OutboxRelay relay,
            EnterpriseFirst enterpriseFirst) {
        this.enterpriseFirst = enterpriseFirst;
        this.rules = rules;
        this.queryCodes = queryCodes;
        this.personSeal = personSeal;
        this.writer = writer;
        this.idempotency = idempotency;
        this.relay = relay;
        this.pool = pool;
        this.json = json;
    }

    /**
     * Checks the rules first, so an invalid submission never reaches the database; once the record is committed
     * the outbox relay is woken, so {@code complaint.received.v1} leaves without waiting for its next poll.
     */
    public Uni<SubmissionReceipt> submit(SubmissionRequest request, String caller, IdempotencyKey key) {
        return store(request, caller, key).invoke(relay::wake);
    }

    private Uni<SubmissionReceipt> store(SubmissionRequest request, String caller, IdempotencyKey key) {
        rules.check(request);
        if (key == null && request.kind() != SubmissionKind.COMPLAINT_AND_REPORT && !request.enterpriseFirst()) {
            return register(null, request, caller);
        }
        if (key == null) {
            return pool.withTransaction(sql -> register(sql, request, caller));
        }
        return pool.withTransaction(sql -> idempotency
                .claim(sql, caller, key, write(request))
                .flatMap(claim -> claim.isReplay()
                        ? Uni.createFrom().item(read(claim.replay()))
                        : register(sql, request, caller)
                                .call(receipt -> idempotency.complete(sql, claim, json(receipt)))));
    }

    /** Registers in {@code sql}'s transaction, or (null) a single record in a transaction of its own. */
    private Uni<SubmissionReceipt> register(SqlClient sql, SubmissionRequest request, String caller) {
        Instant now = Instant.now();
        return switch (request.kind()) {
            case COMPLAINT ->
                registerOne(sql, request, ComplaintKind.COMPLAINT, now, caller, null)
                        .map(Registered::receipt);
            case REPORT ->
                registerOne(sql, request, ComplaintKind.REPORT, now, caller, null)
                        .map(Registered::receipt);
            case COMPLAINT_AND_REPORT ->
                registerOne(sql, request, ComplaintKind.COMPLAINT, now, caller, null)
                        .flatMap(complaint -> registerOne(sql, request, ComplaintKind.REPORT, now, caller, complaint)
                                .map(report -> complaint.receipt().withLinked(report.receipt())));
        };
    }

    /** One record; the report half of a split points at its complaint, anything else at what it repeats. */
    private Uni<Registered> registerOne(
            SqlClient sql,
            SubmissionRequest request,
            ComplaintKind kind,
            Instant now,
            String caller,
            Registered splitFrom) {
        String queryCode = queryCodes.newCode();
        Complaint complaint = newComplaint(request, kind, queryCode, now);
        complaint.submittedBy = caller == null || caller.isEmpty() ? null : caller;
        UUID splitId = splitFrom == null ? null : splitFrom.complaint().id;
        String trackingPrefix = "JX" + DAY.format(now.atZone(CHINA));
        if (request.enterpriseFirst()) {
            return toEnterprise(sql, request, complaint, trackingPrefix, now)
                    .replaceWith(new Registered(complaint, queryCode));
        }
        Uni<Complaint> written = sql == null
                ? writer.insert(complaint, trackingPrefix, eventData(complaint))
                : writer.insert(sql, complaint, trackingPrefix, splitId, ComplaintReceived.TYPE, eventData(complaint));
        return written.onFailure(IntakeService::numbersUsedUp)
                .transform(failure -> numbersUsedUpUntilMidnight(now))
                .invoke(saved -> Log.infof(
                        "Received %s %s via %s, category %s%s",
                        saved.kind,
                        saved.trackingNumber,
                        saved.channel,
                        saved.category,
                        saved.linkReason == null ? "" : ", " + saved.linkReason))
                .replaceWith(new Registered(complaint, queryCode));
    }

    /**
     * A complaint the citizen sends to an ODR enterprise first (the rules checked it is registered): its record with
     * {@code complaint.sent-to-enterprise.v1} instead of {@code complaint.received.v1}, and the referral, in
     * {@code sql}'s transaction. No case opens until the enterprise fails to settle it.
     */
    private Uni<Complaint> toEnterprise(
            SqlClient sql, SubmissionRequest request, Complaint complaint, String trackingPrefix, Instant now) {
        EnterpriseFirst.Enterprise enterprise = enterpriseFirst
                .registered(complaint.subjectCreditCode)
                .orElseThrow(() -> new IllegalStateException("checked by the rules"));
        Instant due = enterpriseFirst.answerDue(now);
        String data = new String(json(SentToEnterprise.of(complaint, enterprise, due)), StandardCharsets.UTF_8);
        return writer.insert(sql, complaint, trackingPrefix, null, SentToEnterprise.TYPE, data)
                .onFailure(IntakeService::numbersUsedUp)
                .transform(failure -> numbersUsedUpUntilMidnight(now))
                .call(saved -> enterpriseFirst.refer(
                        sql,
                        new EnterpriseFirst.Referral(
                                saved.id, enterprise, request.odr().shareContact(), now, due, saved.language)))
                .invoke(saved -> Log.infof(
                        "Received complaint %s via %s, category %s, sent to ODR enterprise %s first",
                        saved.trackingNumber, saved.channel, saved.category, enterprise.creditCode()));
    }

    /** The event's data as far as it is known before the insert (tracking number and link come from it). */
    private String eventData(Complaint complaint) {
        return new String(json(ComplaintReceived.of(complaint)), StandardCharsets.UTF_8);
    }

    private Complaint newComplaint(SubmissionRequest r, ComplaintKind kind, String queryCode, Instant now) {
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.queryCodeHash = queryCodes.hash(queryCode);
        c.queryCodeKeyId = queryCodes.keyId();
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
        c.language = r.languageOrDefault();
        personSeal.seal(c, r.person());
        c.contactConfirmationRequired = confirmationRequired(c.channel, r.person());
        return c;
    }

    /**
     * A mobile or e-mail typed into the web form or an Open311 app could be anyone's: it hears the receipt, with a
     * link to confirm it, and nothing more until its owner confirms (contact.ContactConfirmations). An operator who
     * registered a call or a letter took the contact from its owner.
     */
    static boolean confirmationRequired(Channel channel, SubmissionRequest.Person person) {
        return (channel == Channel.WEB || channel == Channel.OPEN311)
                && person != null
                && (person.mobile() != null || person.email() != null);
    }

    private String write(SubmissionRequest request) {
        return new String(json(request), StandardCharsets.UTF_8);
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

    /** The day's tracking numbers are used up: the unique key refused a number the day already gave. */
    static boolean numbersUsedUp(Throwable failure) {
        return failure instanceof PgException refused
                && "23505".equals(refused.getSqlState())
                && TRACKING_NUMBER_KEY.equals(refused.getConstraint());
    }

    /** 503 until the day changes in Beijing, when the numbers start again under the new date. */
    private static ProblemException numbersUsedUpUntilMidnight(Instant now) {
        Instant midnight =
                now.atZone(CHINA).toLocalDate().plusDays(1).atStartOfDay(CHINA).toInstant();
        Log.errorf("Today's 10,000,000 tracking numbers are used up; intake answers 503 until %s", midnight);
        return ProblemException.unavailable(
                "tracking-numbers-used-up",
                "Today's tracking numbers are used up; nothing was stored. Submit again after midnight, Beijing time.",
                Duration.between(now, midnight).toSeconds());
    }
}
