package cn.jxquality.complaint.personal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The identity access audit as auditors read it: who read whose personal data, when, what for and why. */
@ApplicationScoped
public class IdentityAccessLog {

    /** One read, with the complaint's tracking number. */
    public record Entry(
            Long id,
            String trackingNumber,
            String actor,
            IdentityAccess.Purpose purpose,
            String reason,
            String onBehalfOf,
            Instant accessedAt) {}

    /** A page of entries, newest first; {@code next} is the id to continue before. */
    public record EntryPage(List<Entry> entries, Long next) {}

    private static final String SELECT = "select new " + Entry.class.getName()
            + "(a.id, c.trackingNumber, a.actor, a.purpose, a.reason, a.onBehalfOf, a.accessedAt)"
            + " from IdentityAccess a join Complaint c on c.id = a.complaintId";

    /** Staff reads (operators' views, reward officers' views through case-service), newest first, before {@code before}. */
    @WithSession
    public Uni<EntryPage> staffViews(Long before, int limit) {
        String where = " where a.purpose in (:purposes)" + (before == null ? "" : " and a.id < :before");
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(SELECT + where + " order by a.id desc", Entry.class)
                    .setParameter(
                            "purposes",
                            List.of(IdentityAccess.Purpose.OPERATOR_VIEW, IdentityAccess.Purpose.REWARD_VIEW))
                    .setMaxResults(limit + 1);
            if (before != null) {
                query.setParameter("before", before);
            }
            return query.getResultList()
                    .map(rows -> rows.size() > limit
                            ? new EntryPage(
                                    rows.subList(0, limit), rows.get(limit - 1).id())
                            : new EntryPage(rows, null));
        });
    }

    /** Every read of one complaint's person, of every purpose, oldest first. */
    @WithSession
    public Uni<List<Entry>> ofComplaint(String trackingNumber) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                SELECT + " where c.trackingNumber = :number order by a.id", Entry.class)
                        .setParameter("number", trackingNumber)
                        .setMaxResults(500)
                        .getResultList());
    }
}
