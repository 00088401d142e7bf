package cn.jxquality.complaint.search;

import cn.jxquality.complaint.feedback.Feedback;
import cn.jxquality.complaint.intake.Complaint;
import cn.jxquality.complaint.intake.MainlandMobile;
import cn.jxquality.complaint.intake.PersonSeal;
import cn.jxquality.complaint.intake.SubmissionRequest;
import cn.jxquality.complaint.personal.IdentityAccess;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** Operators' search (blind index, trigram substring, keyset pages) and the audited full view. */
@ApplicationScoped
public class ComplaintSearch {

    /**
     * A search's best plan depends on its values: a rare word in the description wants the trigram index, a common
     * one the newest-first walk that stops at the page's end. The pool lets PostgreSQL settle on a generic plan for a
     * statement it runs often (the intake and the status look-up gain most of their database time from that), so a
     * search asks for plans made with its values, for its own transaction only.
     */
    static final String PLAN_WITH_VALUES = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true)";

    private final PersonSeal personSeal;

    ComplaintSearch(PersonSeal personSeal) {
        this.personSeal = personSeal;
    }

    /** Newest first; one row more than asked tells whether there is a next page. */
    @WithTransaction
    public Uni<SearchPage> search(SearchCriteria criteria) {
        Parameters params = new Parameters();
        String where = where(criteria, params);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(PLAN_WITH_VALUES).getSingleResult())
                .chain(planned -> Complaint.<Complaint>find(where + " order by receivedAt desc, id desc", params)
                        .range(0, criteria.limit())
                        .list())
                .flatMap(hits -> linkedNumbers(hits).map(numbers -> page(hits, numbers, criteria.limit())));
    }

    /**
     * The complaint as staff first see it: everything but the person, whose mobile shows masked; reading the person is
     * a separate, audited step ({@link #detail}).
     */
    @WithSession
    public Uni<ComplaintOverview> overview(String trackingNumber) {
        return Complaint.<Complaint>find("trackingNumber", trackingNumber)
                .firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No complaint has tracking number " + trackingNumber + "."))
                .flatMap(complaint -> linkedNumbers(List.of(complaint))
                        .flatMap(numbers -> Feedback.<Feedback>findById(complaint.id())
                                .map(feedback -> {
                                    var person = personSeal.open(complaint);
                                    String mobile = person.map(SubmissionRequest.Person::mobile)
                                            .orElse(null);
                                    return new ComplaintOverview(
                                            ComplaintDetail.of(
                                                    complaint,
                                                    null,
                                                    numbers.get(complaint.linkedComplaintId()),
                                                    feedback),
                                            mobile == null ? null : MainlandMobile.mask(mobile),
                                            person.isPresent(),
                                            complaint.departmentCode(),
                                            complaint.submittedBy());
                                })));
    }

    /** The complaint with its person; the read is audited in the same transaction (when there is a person). */
    @WithTransaction
    public Uni<ComplaintDetail> detail(String trackingNumber, String actor, String reason) {
        return Complaint.<Complaint>find("trackingNumber", trackingNumber)
                .firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No complaint has tracking number " + trackingNumber + "."))
                .flatMap(complaint -> linkedNumbers(List.of(complaint))
                        .flatMap(numbers -> Feedback.<Feedback>findById(complaint.id())
                                .flatMap(feedback -> audited(
                                        complaint,
                                        numbers.get(complaint.linkedComplaintId()),
                                        feedback,
                                        actor,
                                        reason))));
    }

    private Uni<ComplaintDetail> audited(
            Complaint complaint, String linkedTrackingNumber, Feedback feedback, String actor, String reason) {
        SubmissionRequest.Person person = personSeal.open(complaint).orElse(null);
        ComplaintDetail detail = ComplaintDetail.of(complaint, person, linkedTrackingNumber, feedback);
        return person == null
                ? Uni.createFrom().item(detail)
                : IdentityAccess.record(complaint.id(), actor, IdentityAccess.Purpose.OPERATOR_VIEW, reason)
                        .replaceWith(detail);
    }

    private String where(SearchCriteria c, Parameters params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (c.mobile() != null) {
            where.append(" and mobileBlindIndex in :mobile"); // under every key, so a rotation hides no one
            params.and("mobile", personSeal.mobileIndexes(c.mobile()));
        }
        if (c.trackingNumber() != null) {
            where.append(" and trackingNumber = :trackingNumber");
            params.and("trackingNumber", c.trackingNumber());
        }
        if (c.creditCode() != null) {
            where.append(" and subjectCreditCode = :creditCode");
            params.and("creditCode", c.creditCode());
        }
        if (c.name() != null) {
            where.append(" and subjectName ilike :name escape '\\'");
            params.and("name", contains(c.name()));
        }
        if (c.q() != null) {
            where.append(" and description ilike :q escape '\\'");
            params.and("q", contains(c.q()));
        }
        if (c.after() != null) {
            where.append(" and (receivedAt < :afterAt or (receivedAt = :afterAt and id < :afterId))");
            params.and("afterAt", c.after().receivedAt())
                    .and("afterId", c.after().id());
        }
        return where.toString();
    }

    /** A LIKE pattern matching {@code text} anywhere, with the pattern's own wildcards escaped. */
    static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private SearchPage page(List<Complaint> hits, Map<UUID, String> linkedNumbers, int limit) {
        List<Complaint> shown = hits.size() > limit ? hits.subList(0, limit) : hits;
        String next = hits.size() > limit
                ? new SearchCriteria.Cursor(
                                shown.get(limit - 1).receivedAt(),
                                shown.get(limit - 1).id())
                        .encode()
                : null;
        return new SearchPage(
                shown.stream()
                        .map(c -> summary(c, linkedNumbers.get(c.linkedComplaintId())))
                        .toList(),
                next);
    }

    private ComplaintSummary summary(Complaint c, String linkedTrackingNumber) {
        String mobile = mobileOf(c);
        return new ComplaintSummary(
                c.id(),
                c.trackingNumber(),
                c.kind(),
                c.channel(),
                c.category(),
                new ComplaintSummary.Subject(c.subjectName(), c.subjectCreditCode(), c.subjectRegionCode()),
                c.status(),
                c.receivedAt(),
                c.linkedComplaintId(),
                linkedTrackingNumber,
                c.linkReason(),
                mobile == null ? null : MainlandMobile.mask(mobile));
    }

    /**
     * The mobile for the list's masked column. A person sealed under a key no longer configured is listed without it,
     * rather than failing the whole search (its own page still says it cannot be opened).
     */
    private String mobileOf(Complaint c) {
        try {
            return personSeal.open(c).map(SubmissionRequest.Person::mobile).orElse(null);
        } catch (IllegalStateException e) {
            Log.warnf("The person of %s could not be opened for a search list: %s", c.trackingNumber(), e.getMessage());
            return null;
        }
    }

    private static Uni<Map<UUID, String>> linkedNumbers(List<Complaint> hits) {
        List<UUID> ids = hits.stream()
                .map(Complaint::linkedComplaintId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(java.util.Collections.emptyMap());
        }
        return Complaint.<Complaint>find("id in ?1", ids)
                .list()
                .map(linked -> linked.stream().collect(Collectors.toMap(Complaint::id, Complaint::trackingNumber)));
    }
}
