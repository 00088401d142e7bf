package cn.jxquality.complaint.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The pool lets PostgreSQL keep generic plans for statements it runs often (forcing custom plans made it plan the
 * status look-up again at every execution, which cost more than running it); the search asks for plans made with its
 * values for its own transaction only, so the setting never leaks onto a pooled connection.
 */
@QuarkusTest
class SearchPlansTest {

    static final String MODE = "select current_setting('plan_cache_mode') AS mode";

    @Inject
    Pool pool;

    @Test
    void thePoolPlansWithPostgresDefault() {
        assertEquals("auto", poolMode());
    }

    @Test
    void theSearchAsksForPlansWithValuesInItsOwnTransactionOnly() {
        String inside = pool.withTransaction(connection -> connection
                        .query(ComplaintSearch.PLAN_WITH_VALUES)
                        .execute()
                        .chain(set -> connection.query(MODE).execute())
                        .map(rows -> rows.iterator().next().getString("mode")))
                .await()
                .atMost(Duration.ofSeconds(10));
        assertEquals("force_custom_plan", inside);

        // the pool has at most a few connections idle here; every one of them is back at the default
        for (int i = 0; i < 5; i++) {
            assertEquals("auto", poolMode());
        }
    }

    private String poolMode() {
        return Db.row(pool, MODE).getString("mode");
    }
}
