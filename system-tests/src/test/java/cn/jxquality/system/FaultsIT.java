package cn.jxquality.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Short versions of three fault scenarios of bench/faults.sh (RELIABILITY.md has the full ones): a steady load of
 * hotline complaints, each retried with its Idempotency-Key until answered; a fault a few seconds in; then every
 * complaint answered 2xx must have exactly one case, ASSIGNED, its public status ROUTED and its notices recorded once
 * and none left PENDING, and the complaints accepted before the fault ended must all be through within 60 s of its end.
 */
@ExtendWith(RunningSuite.class)
class FaultsIT {

    private static final int RATE = 20;
    private static final int SECONDS = 30;
    private static final Duration FAULT_AT = Duration.ofSeconds(8);
    private static final Duration DOWN = Duration.ofSeconds(10);
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    /**
     * Notices per hotline complaint of the load: the caller's SMS and e-mail (skipped: no address) on receipt, the
     * department's in-app message on assignment.
     */
    private static final int NOTICES = 3;

    @Test
    void kafkaKilledForTenSecondsLosesNothingAndDoublesNothing() throws Exception {
        underLoad("kafka", () -> {
            suite("kill", "kafka", "test");
            TimeUnit.MILLISECONDS.sleep(DOWN.toMillis());
            suite("start", "kafka", "test");
        });
    }

    @Test
    void caseServiceKilledAndStartedAgainLosesNothingAndDoublesNothing() throws Exception {
        underLoad("case-service", () -> {
            RunningSuite.crash("case-service");
            RunningSuite.restart("case-service");
        });
    }

    @Test
    void postgresRestartedLosesNothingAndDoublesNothing() throws Exception {
        underLoad("postgres", () -> {
            suite("stop", "postgres");
            TimeUnit.MILLISECONDS.sleep(DOWN.toMillis());
            suite("start", "postgres");
        });
        // the database is back: each service says it is ready at the first ask, not after a dead connection is found
        for (String service : List.of(RunningSuite.COMPLAINTS, RunningSuite.CASES, RunningSuite.NOTIFICATIONS)) {
            given().get(service + "/q/health/ready").then().statusCode(200);
        }
    }

    interface Fault {
        void inject() throws Exception;
    }

    private static void underLoad(String scenario, Fault fault) throws Exception {
        String run = scenario + "-" + System.currentTimeMillis();
        Path accepted = Files.createTempFile("faults-" + scenario, ".txt");
        FaultLoad load = new FaultLoad(new FaultLoad.Settings(
                RunningSuite.COMPLAINTS, RunningSuite.KEYCLOAK, run, RATE, SECONDS, 60, accepted));
        CompletableFuture<List<FaultLoad.Accepted>> answers = CompletableFuture.supplyAsync(() -> {
            try {
                return load.load();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        TimeUnit.MILLISECONDS.sleep(FAULT_AT.toMillis());
        fault.inject();
        long faultEnded = System.currentTimeMillis();

        // recovered: everything accepted before the fault ended is through within RECOVERY of its end
        List<String> beforeEnd = load.acceptedSoFar().stream()
                .filter(a -> a.atMillis() <= faultEnded)
                .map(FaultLoad.Accepted::trackingNumber)
                .toList();
        awaitThrough(
                beforeEnd,
                faultEnded + RECOVERY.toMillis(),
                scenario + ": the complaints accepted before the fault ended");

        List<FaultLoad.Accepted> all = answers.get(SECONDS + 120, TimeUnit.SECONDS);
        assertEquals(
                RATE * SECONDS, all.size(), scenario + ": every complaint answered 2xx within the client's retries");
        List<String> numbers =
                all.stream().map(FaultLoad.Accepted::trackingNumber).toList();
        awaitThrough(
                numbers, System.currentTimeMillis() + RECOVERY.toMillis(), scenario + ": every accepted complaint");

        try (Connection complaints = db("complaints_sys", "complaint_test");
                Connection cases = db("cases_sys", "case_test");
                Connection notifications = db("notifications_sys", "notify_test")) {
            assertEquals(
                    0L,
                    count(
                            complaints,
                            "select count(*) - count(distinct subject_name) from complaint"
                                    + " where subject_name like '故障演练 " + run + " #%'"),
                    scenario + ": no request registered twice");
            assertEquals(
                    (long) numbers.size(),
                    count(complaints, "select count(*) from complaint where subject_name like '故障演练 " + run + " #%'"),
                    scenario + ": nothing registered that was not answered");
            assertEquals(
                    0L,
                    count(
                            cases,
                            "select count(*) - count(distinct complaint_id) from case_file where tracking_number = any(?)",
                            numbers),
                    scenario + ": one case per complaint");
            assertEquals(
                    0L,
                    count(
                            notifications,
                            "select count(*) - count(distinct (tracking_number, event_type, recipient, channel))"
                                    + " from notification where tracking_number = any(?)",
                            numbers),
                    scenario + ": each notice once");
        }
        Files.deleteIfExists(accepted);
    }

    /** Waits until every complaint has its case ASSIGNED, its status ROUTED and its notices, none PENDING. */
    private static void awaitThrough(List<String> numbers, long deadlineMillis, String what) throws Exception {
        long through = -1;
        while (System.currentTimeMillis() < deadlineMillis) {
            through = through(numbers);
            if (through == numbers.size()) {
                return;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        assertEquals(numbers.size(), through, what + " through the pipeline in time");
    }

    private static long through(List<String> numbers) {
        try (Connection complaints = db("complaints_sys", "complaint_test");
                Connection cases = db("cases_sys", "case_test");
                Connection notifications = db("notifications_sys", "notify_test")) {
            long assigned = count(
                    cases,
                    "select count(*) from case_file where tracking_number = any(?) and state = 'ASSIGNED'",
                    numbers);
            long routed = count(
                    complaints,
                    "select count(*) from complaint where tracking_number = any(?) and status = 'ROUTED'",
                    numbers);
            long notified = count(
                    notifications,
                    "select count(*) from (select tracking_number from notification where tracking_number = any(?)"
                            + " group by tracking_number having count(*) >= " + NOTICES
                            + " and count(*) filter (where status = 'PENDING') = 0) c",
                    numbers);
            return Math.min(assigned, Math.min(routed, notified));
        } catch (SQLException e) {
            return -1; // the database is still away
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long count(Connection db, String sql, List<String> numbers) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("varchar", numbers.toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Connection db(String name, String user) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, user, "test");
    }

    /** ./suite stop|kill|start of the test profile's Kafka, or PostgreSQL; its output goes to target/. */
    private static void suite(String... args) throws IOException, InterruptedException {
        Path root = RunningSuite.root();
        Path log = root.resolve("system-tests/target/faults-suite.log");
        List<String> command =
                new java.util.ArrayList<>(List.of("bash", root.resolve("suite").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "./suite " + String.join(" ", args) + " within 120 s");
        assertEquals(0, process.exitValue(), "./suite " + String.join(" ", args) + " (see " + log + ")");
    }
}
