package cn.jxquality.complaint.open311;

import cn.jxquality.complaint.intake.Channel;
import cn.jxquality.complaint.intake.Complaint;
import cn.jxquality.complaint.intake.IntakeService;
import cn.jxquality.complaint.intake.PublicStatus;
import cn.jxquality.complaint.intake.Remedy;
import cn.jxquality.complaint.intake.SubmissionKind;
import cn.jxquality.complaint.intake.SubmissionRequest;
import cn.jxquality.complaint.reference.ReferenceData;
import cn.jxquality.complaint.reference.ReferenceData.Region;
import cn.jxquality.complaint.status.TimelineEntry;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.Problem.Violation;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Maps GeoReport v2 requests onto the same intake and the same public status as the REST API. */
@ApplicationScoped
public class Open311Service {

    static final String CALLER_PREFIX = "open311:";
    static final int MAX_REQUESTS = 1000;
    /**
     * At most this many requests for a reader without a key: anyone may ask, and a list with descriptions of up to
     * 4,000 characters each must stay small.
     */
    static final int MAX_PUBLIC_REQUESTS = 100;
    /** The period a list without ids or dates covers. */
    static final int DEFAULT_DAYS = 90;

    static final Set<PublicStatus> CLOSED =
            EnumSet.of(PublicStatus.RESOLVED, PublicStatus.CLOSED, PublicStatus.NOT_ACCEPTED);

    private final IntakeService intake;
    private final ServiceCatalogue catalogue;
    private final RegionLocator regions;
    private final Validator validator;

    Open311Service(IntakeService intake, ServiceCatalogue catalogue, ReferenceData reference, Validator validator) {
        this.intake = intake;
        this.catalogue = catalogue;
        this.regions = new RegionLocator(reference.regions());
        this.validator = validator;
    }

    /** Registers the request as channel OPEN311 for the client; the answer carries the query code once. */
    public Uni<GeoReport.Created> create(String client, RequestForm form) {
        SubmissionRequest request = OpenRequests.toSubmission(form, regions);
        Set<ConstraintViolation<SubmissionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations.stream()
                    .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Violation::field))
                    .toList()));
        }
        return intake.submit(request, CALLER_PREFIX + client, null)
                .map(receipt -> new GeoReport.Created(
                        receipt.trackingNumber(),
                        "Keep the query code: with the request id it opens the public status page.",
                        null,
                        receipt.queryCode()));
    }

    /**
     * The requests {@code viewer} may read, newest first: its own (a client) and those whose citizen consented to
     * publish them (anyone). By ids, or filtered by service, dates and status; a list without ids or dates covers the
     * last {@link #DEFAULT_DAYS} days, as the specification suggests.
     */
    @WithSession
    public Uni<List<GeoReport.Request>> requests(
            Optional<String> viewer, List<String> ids, String serviceCode, Instant start, Instant end, String status) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder();
        if (viewer.isPresent()) {
            where.append("(submittedBy = :client or consentPublish = true)");
            params.put("client", CALLER_PREFIX + viewer.get());
        } else {
            where.append("consentPublish = true");
        }
        if (!ids.isEmpty()) {
            where.append(" and trackingNumber in :ids");
            params.put("ids", ids);
        } else if (start == null && end == null) {
            start = Instant.now().minus(DEFAULT_DAYS, ChronoUnit.DAYS);
        }
        if (serviceCode != null) {
            where.append(" and category = :category");
            params.put("category", serviceCode);
        }
        if (start != null) {
            where.append(" and receivedAt >= :start");
            params.put("start", start);
        }
        if (end != null) {
            where.append(" and receivedAt <= :end");
            params.put("end", end);
        }
        if (status != null) {
            where.append(" and status ")
                    .append("closed".equals(status) ? "in" : "not in")
                    .append(" :closed");
            params.put("closed", List.copyOf(CLOSED));
        }
        return Complaint.<Complaint>find(where + " order by receivedAt desc", params)
                .range(0, (viewer.isPresent() ? MAX_REQUESTS : MAX_PUBLIC_REQUESTS) - 1)
                .list()
                .flatMap(this::withNotes);
    }

    private Uni<List<GeoReport.Request>> withNotes(List<Complaint> complaints) {
        if (complaints.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = complaints.stream().map(Complaint::id).toList();
        return TimelineEntry.<TimelineEntry>find("complaintId in ?1 and note is not null order by at", ids)
                .list()
                .map(entries -> {
                    Map<UUID, String> latestNote = entries.stream()
                            .collect(Collectors.toMap(
                                    TimelineEntry::complaintId, TimelineEntry::note, (earlier, later) -> later));
                    return complaints.stream()
                            .map(c -> request(c, latestNote.get(c.id())))
                            .toList();
                });
    }

    private GeoReport.Request request(Complaint c, String note) {
        Optional<Region> seat = regions.seatOf(c.subjectRegionCode());
        return new GeoReport.Request(
                c.trackingNumber(),
                CLOSED.contains(c.status()) ? "closed" : "open",
                note,
                catalogue
                        .service(c.category())
                        .map(GeoReport.Service::serviceName)
                        .orElse(c.category()),
                c.category(),
                GeoReport.shortened(c.description()),
                null,
                GeoReport.time(c.receivedAt()),
                GeoReport.time(c.updatedAt()),
                null,
                c.subjectAddress(),
                seat.map(Region::seatLat).orElse(null),
                seat.map(Region::seatLon).orElse(null));
    }

    /** Turns the form into our submission; unparseable values are 400s named by their Open311 parameter. */
    static final class OpenRequests {

        private OpenRequests() {}

        static SubmissionRequest toSubmission(RequestForm f, RegionLocator regions) {
            List<Violation> violations = new ArrayList<>();
            SubmissionKind kind =
                    enumOf(SubmissionKind.class, f.kind, SubmissionKind.COMPLAINT, "attribute[kind]", violations);
            Remedy remedy = enumOf(Remedy.class, f.remedy, null, "attribute[remedy]", violations);
            Long amount = amountOf(f.amountFen, violations);
            boolean anonymous = booleanOf(f.anonymous, "attribute[anonymous]", violations);
            boolean reward = booleanOf(f.rewardRequested, "attribute[reward_requested]", violations);
            boolean publish = booleanOf(f.consentPublish, "attribute[consent_publish]", violations);
            boolean enterpriseFirst = booleanOf(f.enterpriseFirst, "attribute[enterprise_first]", violations);
            boolean shareContact = booleanOf(f.shareContact, "attribute[share_contact]", violations);
            String region = blank(f.regionCode) ? regions.nearest(f.lat, f.lon, violations) : f.regionCode.strip();
            if (!violations.isEmpty()) {
                throw new ProblemException(Problem.invalid(violations));
            }
            String name = fullName(f.firstName, f.lastName);
            boolean hasPerson = !name.isEmpty() || !blank(f.phone) || !blank(f.email);
            SubmissionRequest.Person person = hasPerson
                    ? new SubmissionRequest.Person(
                            name.isEmpty() ? null : name, blankToNull(f.phone), null, null, null, blankToNull(f.email))
                    : null;
            return new SubmissionRequest(
                    kind,
                    Channel.OPEN311,
                    blank(f.serviceCode) ? null : f.serviceCode.strip(),
                    new SubmissionRequest.Subject(
                            blankToNull(f.subjectName),
                            blankToNull(f.subjectCreditCode),
                            blankToNull(f.addressString),
                            region,
                            blankToNull(f.onlinePlatform)),
                    null,
                    null,
                    amount,
                    f.description,
                    remedy,
                    publish ? new SubmissionRequest.Consents(true, false) : null,
                    person,
                    anonymous,
                    reward,
                    enterpriseFirst ? new SubmissionRequest.Odr(true, shareContact) : null,
                    null);
        }

        /**
         * A name from GeoReport's two fields: a Chinese name in Chinese order, family name first and no space (张 + 三
         * = 张三); any other as its owner writes it, given name first, with a space (John Smith).
         */
        static String fullName(String first, String last) {
            String given = nonNull(first);
            String family = nonNull(last);
            if (given.isEmpty() || family.isEmpty()) {
                return family + given;
            }
            return han(family) || han(given) ? family + given : given + " " + family;
        }

        private static boolean han(String s) {
            return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        }

        private static <E extends Enum<E>> E enumOf(
                Class<E> type, String value, E fallback, String field, List<Violation> violations) {
            if (blank(value)) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, value.strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(field, "is not one of the listed values"));
                return fallback;
            }
        }

        private static Long amountOf(String value, List<Violation> violations) {
            if (blank(value)) {
                return null;
            }
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                violations.add(new Violation("attribute[amount_fen]", "must be a whole number of fen"));
                return null;
            }
        }

        private static boolean booleanOf(String value, String field, List<Violation> violations) {
            if (blank(value) || value.strip().equals("false")) {
                return false;
            }
            if (value.strip().equals("true")) {
                return true;
            }
            violations.add(new Violation(field, "must be true or false"));
            return false;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static String blankToNull(String s) {
            return blank(s) ? null : s.strip();
        }

        private static String nonNull(String s) {
            return s == null ? "" : s.strip();
        }
    }

    /** Parses an Open311 date filter (ISO 8601 with offset), or a 400 naming it. */
    static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        java.time.OffsetDateTime at;
        try {
            at = java.time.OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(
                    field, "must be an ISO 8601 date-time with offset, e.g. 2026-11-25T08:00:00+08:00");
        }
        // Java reads years PostgreSQL's timestamps cannot hold; such a filter is the client's mistake.
        if (at.getYear() < 1900 || at.getYear() > 9999) {
            throw ProblemException.invalid(field, "must lie in the years 1900–9999");
        }
        return at.toInstant();
    }
}
