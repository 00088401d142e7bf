package cn.jxquality.complaint.console;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads the case of a complaint from case-service, as the signed-in user, within a bounded time. */
@ApplicationScoped
public class CaseFiles {

    /** A console page waits at most this long for case-service before showing the rest without the case. */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    private final CaseServiceClient cases;

    CaseFiles(@RestClient CaseServiceClient cases) {
        this.cases = cases;
    }

    public Uni<CaseFile> of(String trackingNumber, String bearer) {
        if (bearer == null) {
            return Uni.createFrom().item(CaseFile.notAvailable());
        }
        return cases.byTrackingNumber(bearer, trackingNumber, 1)
                .flatMap(page -> page.items() == null || page.items().isEmpty()
                        ? Uni.createFrom().item(CaseFile.none())
                        : cases.events(bearer, page.items().get(0).id())
                                .map(events -> new CaseFile(page.items().get(0), events, false)))
                .ifNoItem()
                .after(PATIENCE)
                .fail()
                .onFailure()
                .recoverWithItem(e -> {
                    Log.warnf("case-service could not be asked for %s: %s", trackingNumber, e.toString());
                    return CaseFile.notAvailable();
                });
    }
}
