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
    private final LookupThrottle throttle;

    StatusService(QueryCodes queryCodes, LookupThrottle throttle) {
        this.queryCodes = queryCodes;
        this.throttle = throttle;
    }

    /**
     * An unknown number and a wrong code fail the same way, so neither can be probed; each failure counts
     * against the number and the client, and a number or client out of tries gets 429 even with the right code.
     */
    @WithSession
    public Uni<PublicTimeline> lookup(StatusLookup lookup, String client) {
        String trackingNumber = lookup.trackingNumber().strip();
        return throttle.checkOpen(trackingNumber, client)
                .flatMap(open -> Complaint.<Complaint>find("trackingNumber", trackingNumber)
                        .<Complaint>firstResult())
                .flatMap(complaint -> {
                    if (complaint == null || !queryCodes.matches(lookup.queryCode(), complaint.queryCodeHash)) {
                        return throttle.recordFailure(trackingNumber, client)
                                .flatMap(counted -> Uni.createFrom()
                                        .failure(ProblemException.notFound(
                                                "No complaint matches this tracking number and query code.")));
                    }
                    return timelineOf(complaint);
                });
    }

    private static Uni<PublicTimeline> timelineOf(Complaint complaint) {
        return TimelineEntry.of(complaint.id)
                .map(entries -> new PublicTimeline(
                        complaint.trackingNumber,
                        complaint.status,
                        entries.stream()
                                .map(e -> new PublicTimeline.Step(e.at, e.status, e.note))
                                .toList()));
    }
}
