package cn.jxquality.notify.optout;

import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Records and answers per-complaint opt-outs; an opted-out citizen gets neither SMS nor e-mail about it. */
@Startup // a short OPT_OUT_KEY stops the service at start
@ApplicationScoped
public class OptOuts {

    static final String RECORD = "insert into opt_out (tracking_number, created_at) values ($1, $2)"
            + " on conflict (tracking_number) do nothing";

    private final Pool pool;
    private final Optional<OptOutCodes> codes;
    private final OptOutThrottle throttle;
    private final String pageUrl;
    private final Clock clock;

    OptOuts(Pool pool, OptOutConfig config, OptOutThrottle throttle, Clock clock) {
        this.pool = pool;
        this.codes = config.key()
                .filter(k -> !k.isBlank())
                .map(k -> new OptOutCodes(k, config.previousKeys().orElse(List.of())));
        this.throttle = throttle;
        this.pageUrl = config.pageUrl();
        this.clock = clock;
        if (codes.isEmpty()) {
            Log.warn("No OPT_OUT_KEY: messages to citizens carry no opt-out code and opt-outs are refused");
        }
    }

    /**
     * A wrong code and an unknown tracking number answer the same 404, so codes cannot be probed per number;
     * each failure counts against the number and the client, and one out of tries gets 429 even with the right code.
     */
    public Uni<Void> optOut(OptOutRequest request, String client) {
        if (codes.isEmpty()) {
            return Uni.createFrom().failure(notFound());
        }
        OptOutCodes key = codes.get();
        String number = request.trackingNumber();
        return throttle.oneAtATime(
                key,
                number,
                () -> throttle.checkOpen(key, number, client)
                        .flatMap(open -> key.matches(number, request.optOutCode())
                                ? record(number)
                                : throttle.recordFailure(key, number, client)
                                        .flatMap(v -> Uni.createFrom().<Void>failure(notFound()))));
    }

    /** A keyed hash of {@code value} under the opt-out key, so it need not be stored in clear; empty without a key. */
    public Optional<byte[]> keyedHash(String value) {
        return codes.map(c -> c.keyedHash(value));
    }

    /** The code printed in messages about this complaint; null when no key is configured. */
    public String codeFor(String trackingNumber) {
        return codes.map(c -> c.codeFor(trackingNumber)).orElse(null);
    }

    public String pageUrl() {
        return pageUrl;
    }

    private Uni<Void> record(String trackingNumber) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.preparedQuery(RECORD)
                .execute(Tuple.of(trackingNumber, now))
                .invoke(() -> Log.infof("Citizen of %s opted out", trackingNumber))
                .replaceWithVoid();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No complaint with this tracking number and opt-out code.");
    }
}
