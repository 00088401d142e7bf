package cn.jxquality.platform.warmup;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one feature of a service runs on itself before the service reports ready ({@link WarmUp}): the statements it
 * prepares on every pooled connection, and requests to its own HTTP port that change nothing (a valid body sent
 * without the credentials it needs, a look-up of what does not exist). A service may have several plans, one per
 * feature, each beside the code it warms.
 */
public interface WarmUpPlan {

    /** SQL prepared (parsed and described, never executed) on each of the pool's connections. */
    default List<String> statements() {
        return List.of();
    }

    /** Requests sent to this service's own port, round after round; their answers are not kept. */
    default List<Request> requests() {
        return List.of();
    }

    /**
     * Read-only work run in this service's own process, round after round, on a Vert.x context (as a request's work
     * runs): for paths no request can reach without credentials, such as a department's worklist.
     */
    default List<Exercise> exercises() {
        return List.of();
    }

    /** One exercise; a failure of its {@code Uni} is logged as not what the plan expects. */
    record Exercise(String name, Supplier<Uni<?>> work) {}

    /**
     * One request: {@code body} null for none. {@code expected} is the status it must get (e.g. 401 for a valid body
     * without a token): anything else is logged, as it means the request warmed another path than the one meant, or
     * changed something.
     */
    record Request(String method, String path, String contentType, String body, int expected) {

        public static Request get(String path, int expected) {
            return new Request("GET", path, null, null, expected);
        }

        public static Request postJson(String path, String body, int expected) {
            return new Request("POST", path, "application/json", body, expected);
        }
    }
}
