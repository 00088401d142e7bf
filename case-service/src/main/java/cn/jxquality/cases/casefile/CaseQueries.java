package cn.jxquality.cases.casefile;

import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads cases for the department API, always within what the caller may see. */
@ApplicationScoped
public class CaseQueries {

    /**
     * The worklist's best plan depends on its values (a department with a handful of cases or with half of them, a
     * rare state or a common one). The pool lets PostgreSQL settle on a generic plan for a statement it runs often
     * (the event consumers' and the outbox's, which then cost no planning each time), so the worklist asks for plans
     * made with its values, for its own transaction only.
     */
    static final String PLAN_WITH_VALUES = "select set_config('plan_cache_mode', 'force_custom_plan', true)";

    /** A case with a deadline that ran out while the step it limits is still to be taken. */
    static final String OVERDUE = "exists (select 1 from DeadlineClock d where d.caseId = c.id"
            + " and d.stoppedAt is null and d.overdueAt is not null)";

    /**
     * Filters of the worklist; null means "any". {@code category} matches the category and its subcategories;
     * {@code receivedFrom} is inclusive, {@code receivedTo} exclusive.
     */
    public record Filter(
            CaseState state,
            Boolean overdue,
            String kind,
            String category,
            Instant receivedFrom,
            Instant receivedTo,
            String trackingNumber,
            String after,
            int limit) {}

    @WithTransaction
    public Uni<CasePage> list(Caller caller, Filter filter) {
        Parameters params = new Parameters();
        List<String> where = where(caller, filter, params);
        String query = "from CaseFile c where " + (where.isEmpty() ? "1 = 1" : String.join(" and ", where))
                + " order by c.receivedAt desc, c.id desc";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(PLAN_WITH_VALUES).getSingleResult())
                .chain(planned -> CaseFile.<CaseFile>find(query, params)
                        .range(0, filter.limit() - 1)
                        .list())
                .map(rows -> page(rows, filter.limit()));
    }

    private static List<String> where(Caller caller, Filter filter, Parameters params) {
        List<String> where = new ArrayList<>();
        if (!caller.seesAllDepartments()) {
            add(
                    where,
                    params,
                    "c.departmentCode = :department",
                    "department",
                    caller.departmentCode().orElse("-none-"));
        }
        add(where, params, "c.state = :state", "state", filter.state());
        if (filter.overdue() != null) {
            where.add((filter.overdue() ? "" : "not ") + OVERDUE);
        }
        add(where, params, "c.kind = :kind", "kind", filter.kind());
        if (filter.category() != null) {
            add(
                    where,
                    params,
                    "(c.category = :category or c.category like :subcategories)",
                    "category",
                    filter.category());
            params.and("subcategories", filter.category() + ".%");
        }
        add(where, params, "c.receivedAt >= :receivedFrom", "receivedFrom", filter.receivedFrom());
        add(where, params, "c.receivedAt < :receivedTo", "receivedTo", filter.receivedTo());
        add(where, params, "c.trackingNumber = :trackingNumber", "trackingNumber", filter.trackingNumber());
        if (filter.after() != null) {
            PageCursor cursor = PageCursor.decode(filter.after());
            where.add("(c.receivedAt < :afterAt or (c.receivedAt = :afterAt and c.id < :afterId))");
            params.and("afterAt", cursor.receivedAt()).and("afterId", cursor.id());
        }
        return where;
    }

    private static void add(List<String> where, Parameters params, String condition, String name, Object value) {
        if (value != null) {
            where.add(condition);
            params.and(name, value);
        }
    }

    /** Another department's case answers exactly like a case that does not exist. */
    @WithSession
    public Uni<CaseFile> get(Caller caller, UUID id) {
        return CaseFile.<CaseFile>findById(id).map(file -> {
            if (file == null || !caller.mayView(file)) {
                throw ProblemException.notFound("No case " + id + " is visible to you.");
            }
            return file;
        });
    }

    /** The audit trail of a case the caller may see, oldest first. */
    @WithSession
    public Uni<List<CaseEventView>> events(Caller caller, UUID id) {
        return get(caller, id)
                .flatMap(file -> CaseEvent.<CaseEvent>list("caseId = ?1 order by at, id", id))
                .map(rows -> rows.stream().map(CaseEventView::of).toList());
    }

    private static CasePage page(List<CaseFile> rows, int limit) {
        List<CaseView> items = rows.stream().map(CaseView::of).toList();
        String next = rows.size() < limit
                ? null
                : new PageCursor(rows.get(rows.size() - 1).receivedAt, rows.get(rows.size() - 1).id).encode();
        return new CasePage(items, next);
    }
}
