package cn.jxquality.cases.casefile;

import cn.jxquality.cases.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads cases for the department API, always within what the caller may see. */
@ApplicationScoped
public class CaseQueries {

    /** A case with a deadline that ran out while the step it limits is still to be taken. */
    static final String OVERDUE = "exists (select 1 from DeadlineClock d where d.caseId = c.id"
            + " and d.stoppedAt is null and d.overdueAt is not null)";

    /** Filters of the worklist; null means "any". */
    public record Filter(
            CaseState state, Boolean overdue, String kind, String trackingNumber, String after, int limit) {}

    @WithSession
    public Uni<CasePage> list(Caller caller, Filter filter) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!caller.seesAllDepartments()) {
            where.add("c.departmentCode = :department");
            params.and("department", caller.departmentCode().orElse("-none-"));
        }
        if (filter.state() != null) {
            where.add("c.state = :state");
            params.and("state", filter.state());
        }
        if (filter.overdue() != null) {
            where.add((filter.overdue() ? "" : "not ") + OVERDUE);
        }
        if (filter.kind() != null) {
            where.add("c.kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.trackingNumber() != null) {
            where.add("c.trackingNumber = :trackingNumber");
            params.and("trackingNumber", filter.trackingNumber());
        }
        if (filter.after() != null) {
            PageCursor cursor = PageCursor.decode(filter.after());
            where.add("(c.receivedAt < :afterAt or (c.receivedAt = :afterAt and c.id < :afterId))");
            params.and("afterAt", cursor.receivedAt()).and("afterId", cursor.id());
        }
        String query = "from CaseFile c where " + (where.isEmpty() ? "1 = 1" : String.join(" and ", where))
                + " order by c.receivedAt desc, c.id desc";
        return CaseFile.<CaseFile>find(query, params)
                .range(0, filter.limit() - 1)
                .list()
                .map(rows -> page(rows, filter.limit()));
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
