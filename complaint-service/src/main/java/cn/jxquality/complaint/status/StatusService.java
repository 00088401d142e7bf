package cn.jxquality.complaint.status;

import cn.jxquality.complaint.intake.Complaint;
import cn.jxquality.complaint.intake.QueryCodes;
import cn.jxquality.complaint.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens the public timeline to whoever holds the tracking number and its query code, and nobody else. */
@ApplicationScoped
public class StatusService {

    private final QueryCodes queryCodes;

    StatusService(QueryCodes queryCodes) {
        this.queryCodes = queryCodes;
    }

    /** An unknown number and a wrong code fail the same way, so neither can be probed. */
    @WithSession
    public Uni<PublicTimeline> lookup(StatusLookup lookup) {
        return Complaint.<Complaint>find(
                        "trackingNumber", lookup.trackingNumber().strip())
                .firstResult()
                .flatMap(complaint -> {
                    if (complaint == null || !queryCodes.matches(lookup.queryCode(), complaint.queryCodeHash)) {
                        return Uni.createFrom()
                                .failure(ProblemException.notFound(
                                        "No complaint matches this tracking number and query code."));
                    }
                    return TimelineEntry.of(complaint.id)
                            .map(entries -> new PublicTimeline(
                                    complaint.trackingNumber,
                                    complaint.status,
                                    entries.stream()
                                            .map(e -> new PublicTimeline.Step(e.at, e.status, e.note))
                                            .toList()));
                });
    }
}
