package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.Language;
import cn.jxquality.complaint.page.PageFormats;
import cn.jxquality.complaint.page.Texts;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The console's CSV exports of one month (Beijing time) of complaints, read from this service's database, or of
 * cases, read from case-service with the requester's own token, so an export holds exactly what its requester may
 * see. A job runs in the background batch by batch; each batch is one chunk of the file, written together with the
 * job's position in one transaction. A job that stops (this service restarted, the requester's sign-in expired,
 * case-service away) is {@code PAUSED} and goes on from its position when its requester resumes it; no row is
 * written twice, because a batch only lands where the job's chunk count is what the runner last saw. Tokens are held
 * in memory while a job runs, never stored. No personal data is exported: no names, contacts or ID numbers.
 */
@ApplicationScoped
public class ExportJobs {

    /** What is exported. */
    public enum Kind {
        COMPLAINTS,
        CASES
    }

    public enum State {
        RUNNING,
        PAUSED,
        DONE
    }

    /** Why a job stopped before its end. */
    public enum PauseReason {
        /** This service restarted while the job ran. */
        RESTARTED,
        /** case-service no longer accepted the requester's token (signed out or expired). */
        SIGNED_OUT,
        /** case-service or the database did not answer. */
        UNAVAILABLE
    }

    /** A job as its page shows it. */
    public record Job(
            UUID id,
            Kind kind,
            String month,
            String requestedBy,
            Language language,
            Instant requestedAt,
            State state,
            PauseReason pauseReason,
            String position,
            long rowsDone,
            long rowsExpected,
            int chunks,
            Instant finishedAt) {

        /** Done in per cent; below 100 until the last batch has landed (the expected count is an estimate). */
        public int percent() {
            if (state == State.DONE) {
                return 100;
            }
            return rowsExpected == 0 ? 0 : (int) Math.min(99, rowsDone * 100 / rowsExpected);
        }

        public boolean running() {
            return state == State.RUNNING;
        }

        public boolean paused() {
            return state == State.PAUSED;
        }

        public boolean done() {
            return state == State.DONE;
        }

        public String fileName() {
            return kind.name().toLowerCase() + "-" + month + ".csv";
        }
    }

    /** A new job was refused: the requester already runs one. */
    public static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("An export of this user is running", null, false, false);
        }
    }

    /** One batch: its lines, how many rows, and where the next starts (null: the last batch). */
    record Batch(String lines, int rows, String next) {}

    /** Exports are working files: they are deleted a week after they were asked for. */
    static final String KEPT_FOR = "7 days";

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String COLUMNS = "id, kind, month, requested_by, language, requested_at, state, pause_reason,"
            + " position, rows_done, rows_expected, chunks, finished_at";
    private static final String COMPLAINTS_FROM = "select id, tracking_number, received_at, kind, channel, category,"
            + " subject_region_code, subject_name, subject_credit_code, status, department_code, anonymous,"
            + " reward_requested from complaint where received_at >= $1 and received_at < $2";

    private final Pool pool;
    private final CaseServiceClient cases;
    private final Texts texts;

    private final int complaintBatch;
    private final int caseBatch;
    private final Duration stalledAfter;

    ExportJobs(Pool pool, @RestClient CaseServiceClient cases, Texts texts, ExportConfig config) {
        this.pool = pool;
        this.cases = cases;
        this.texts = texts;
        this.complaintBatch = config.complaintBatch();
        this.caseBatch = config.caseBatch();
        this.stalledAfter = config.stalledAfter();
    }

    /**
     * Jobs whose runner stopped (its instance restarted or died) are paused for their requesters to resume. Which
     * those are is told by time, not by who starts: with two instances, one's running jobs are not the other's to
     * pause. A live runner moves its job on every step ({@code moved_at}, the database's clock, as here: instances'
     * clocks may differ).
     */
    @Scheduled(identity = "console-export-stalled", every = "30s", delayed = "5s")
    Uni<Void> pauseStalled() {
        return pool.preparedQuery("update console_export set state = 'PAUSED', pause_reason = 'RESTARTED'"
                        + " where state = 'RUNNING' and moved_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of(stalledAfter.toSeconds()))
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        Log.infof("%d exports paused: their runner stopped", rows.rowCount());
                    }
                })
                .onFailure()
                .invoke(e -> Log.warnf("Stalled exports not paused: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Starts an export for {@code requestedBy} (its header written at once) and runs it in the background; fails
     * with {@link AlreadyRunning} while another of theirs runs.
     */
    public Uni<Job> start(Kind kind, YearMonth month, String requestedBy, Language language, String bearer) {
        UUID id = UUID.randomUUID();
        Instant[] window = window(month);
        String header = CsvLines.BOM + header(kind, language);
        return pool.withTransaction(connection -> connection
                        .preparedQuery(
                                "delete from console_export where requested_at < now() - interval '" + KEPT_FOR + "'")
                        .execute()
                        .flatMap(deleted -> connection
                                .preparedQuery("select count(*) from console_export where requested_by = $1"
                                        + " and state = 'RUNNING'")
                                .execute(Tuple.of(requestedBy)))
                        .flatMap(running -> {
                            if (running.iterator().next().getLong(0) > 0) {
                                return Uni.createFrom().failure(new AlreadyRunning());
                            }
                            return connection
                                    .preparedQuery("select count(*) from complaint where received_at >= $1"
                                            + " and received_at < $2")
                                    .execute(Tuple.of(utc(window[0]), utc(window[1])));
                        })
                        .flatMap(count -> connection
                                .preparedQuery("insert into console_export (id, kind, month, requested_by, language,"
                                        + " requested_at, state, rows_expected, chunks, moved_at) values ($1, $2, $3,"
                                        + " $4, $5, now(), 'RUNNING', $6, 1, now()) returning " + COLUMNS)
                                .execute(Tuple.from(List.of(
                                        id,
                                        kind.name(),
                                        month.toString(),
                                        requestedBy,
                                        language.tag(),
                                        count.iterator().next().getLong(0)))))
                        .flatMap(inserted -> connection
                                .preparedQuery(
                                        "insert into console_export_chunk (export_id, seq, body) values ($1, 0, $2)")
                                .execute(Tuple.of(
                                        id,
                                        io.vertx.core.buffer.Buffer.buffer(header.getBytes(StandardCharsets.UTF_8))))
                                .replaceWith(job(inserted.iterator().next()))))
                .invoke(job -> run(job, bearer));
    }

    /** Takes up a paused job of {@code requestedBy} where it stopped; empty when there is none to resume. */
    public Uni<Optional<Job>> resume(UUID id, String requestedBy, String bearer) {
        return pool.preparedQuery("update console_export set state = 'RUNNING', pause_reason = null, moved_at = now()"
                        + " where id = $1"
                        + " and requested_by = $2 and state = 'PAUSED' and not exists (select 1 from console_export"
                        + " where requested_by = $2 and state = 'RUNNING') returning " + COLUMNS)
                .execute(Tuple.of(id, requestedBy))
                .map(rows -> rows.size() == 0
                        ? Optional.<Job>empty()
                        : Optional.of(job(rows.iterator().next())))
                .invoke(job -> job.ifPresent(resumed -> run(resumed, bearer)));
    }

    /** One job of {@code requestedBy}; empty for anyone else's. */
    public Uni<Optional<Job>> find(UUID id, String requestedBy) {
        return pool.preparedQuery("select " + COLUMNS + " from console_export where id = $1 and requested_by = $2")
                .execute(Tuple.of(id, requestedBy))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(job(rows.iterator().next())));
    }

    /** The requester's recent jobs, newest first. */
    public Uni<List<Job>> of(String requestedBy, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from console_export where requested_by = $1"
                        + " order by requested_at desc limit $2")
                .execute(Tuple.of(requestedBy, limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(ExportJobs::job)
                        .toList());
    }

    /** A finished job's file, chunk by chunk, as it was written. */
    public Multi<byte[]> file(Job job) {
        return Multi.createFrom()
                .range(0, job.chunks())
                .onItem()
                .transformToUniAndConcatenate(seq -> pool.preparedQuery(
                                "select body from console_export_chunk where export_id = $1 and seq = $2")
                        .execute(Tuple.of(job.id(), seq))
                        .map(rows -> rows.iterator().next().getBuffer(0).getBytes()));
    }

    private void run(Job job, String bearer) {
        batch(job, bearer)
                .flatMap(batch -> land(job, batch))
                .subscribe()
                .with(
                        next -> next.ifPresent(moved -> {
                            if (moved.running()) {
                                run(moved, bearer);
                            }
                        }),
                        failure -> pause(job, failure));
    }

    private Uni<Batch> batch(Job job, String bearer) {
        Instant[] window = window(YearMonth.parse(job.month()));
        return job.kind() == Kind.COMPLAINTS
                ? complaints(window, job.position())
                : cases.received(bearer, window[0].toString(), window[1].toString(), job.position(), caseBatch)
                        .map(page -> caseBatch(page));
    }

    /**
     * Writes the batch as the next chunk and moves the job on, in one transaction, only if the job is still running
     * at the chunk count this runner saw; empty (and nothing written) when it is not.
     */
    private Uni<Optional<Job>> land(Job job, Batch batch) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("update console_export set position = $3, rows_done = rows_done + $4,"
                        + " chunks = chunks + 1, state = $5, finished_at = $6, moved_at = now()"
                        + " where id = $1 and chunks = $2 and state = 'RUNNING' returning " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(
                        job.id(),
                        job.chunks(),
                        batch.next(),
                        (long) batch.rows(),
                        batch.next() == null ? State.DONE.name() : State.RUNNING.name(),
                        batch.next() == null ? utc(Instant.now()) : null)))
                .flatMap(moved -> moved.size() == 0
                        ? Uni.createFrom().item(Optional.<Job>empty())
                        : append(connection, job, batch)
                                .replaceWith(Optional.of(job(moved.iterator().next())))));
    }

    private static Uni<RowSet<Row>> append(SqlConnection connection, Job job, Batch batch) {
        return connection
                .preparedQuery("insert into console_export_chunk (export_id, seq, body) values ($1, $2, $3)")
                .execute(Tuple.of(
                        job.id(),
                        job.chunks(),
                        io.vertx.core.buffer.Buffer.buffer(batch.lines().getBytes(StandardCharsets.UTF_8))));
    }

    private void pause(Job job, Throwable failure) {
        PauseReason reason = failure instanceof WebApplicationException web
                        && (web.getResponse().getStatus() == 401
                                || web.getResponse().getStatus() == 403)
                ? PauseReason.SIGNED_OUT
                : PauseReason.UNAVAILABLE;
        Log.warnf("Export %s paused (%s): %s", job.id(), reason, failure.getMessage());
        pool.preparedQuery("update console_export set state = 'PAUSED', pause_reason = $2 where id = $1"
                        + " and state = 'RUNNING'")
                .execute(Tuple.of(job.id(), reason.name()))
                .subscribe()
                .with(rows -> {}, again -> Log.warnf("Export %s not paused: %s", job.id(), again.getMessage()));
    }

    /** The next complaints of the month in (received_at, id) order after {@code position}. */
    private Uni<Batch> complaints(Instant[] window, String position) {
        String sql = COMPLAINTS_FROM
                + (position == null ? "" : " and (received_at, id) > ($3, $4)")
                + " order by received_at, id limit " + complaintBatch;
        List<Object> parameters = new ArrayList<>(List.of(utc(window[0]), utc(window[1])));
        if (position != null) {
            String[] at = position.split("\\|", 2);
            parameters.add(utc(Instant.parse(at[0])));
            parameters.add(UUID.fromString(at[1]));
        }
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).map(rows -> {
            StringBuilder lines = new StringBuilder();
            Row last = null;
            for (Row row : rows) {
                CsvLines.append(
                        lines,
                        Arrays.asList(
                                row.getString("tracking_number"),
                                beijing(row.getOffsetDateTime("received_at").toInstant()),
                                row.getString("kind"),
                                row.getString("channel"),
                                row.getString("category"),
                                row.getString("subject_region_code"),
                                row.getString("subject_name"),
                                row.getString("subject_credit_code"),
                                row.getString("status"),
                                row.getString("department_code"),
                                row.getBoolean("anonymous"),
                                row.getBoolean("reward_requested")));
                last = row;
            }
            String next = rows.size() < complaintBatch || last == null
                    ? null
                    : last.getOffsetDateTime("received_at").toInstant() + "|" + last.getUUID("id");
            return new Batch(lines.toString(), rows.size(), next);
        });
    }

    private static Batch caseBatch(CaseServiceClient.CasePage page) {
        StringBuilder lines = new StringBuilder();
        for (CaseServiceClient.CaseItem item : page.items()) {
            Map.Entry<String, Instant> running = item.runningDeadline();
            CsvLines.append(
                    lines,
                    Arrays.asList(
                            item.trackingNumber(),
                            item.kind(),
                            item.category(),
                            item.regionCode(),
                            item.subjectName(),
                            item.departmentCode(),
                            item.state(),
                            item.outcome(),
                            item.decisionNumber(),
                            yuan(item.finesFen()),
                            beijing(item.receivedAt()),
                            beijing(item.assignedAt()),
                            beijing(item.acceptedAt()),
                            beijing(item.resolvedAt()),
                            beijing(item.closedAt()),
                            running == null ? null : running.getKey(),
                            running == null ? null : beijing(running.getValue()),
                            item.overdue()));
        }
        return new Batch(lines.toString(), page.items().size(), page.next());
    }

    private String header(Kind kind, Language language) {
        JobMessages words = texts.bundle(JobMessages.class, language);
        return (kind == Kind.COMPLAINTS ? words.export_columns_complaints() : words.export_columns_cases()) + "\r\n";
    }

    /** The month's first instant and the next month's, Beijing time. */
    static Instant[] window(YearMonth month) {
        return new Instant[] {
            month.atDay(1).atStartOfDay(PageFormats.BEIJING).toInstant(),
            month.plusMonths(1).atDay(1).atStartOfDay(PageFormats.BEIJING).toInstant()
        };
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String beijing(Instant at) {
        return at == null ? null : SECONDS.format(at.atZone(PageFormats.BEIJING));
    }

    private static String yuan(Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static Job job(Row row) {
        String reason = row.getString("pause_reason");
        OffsetDateTime finished = row.getOffsetDateTime("finished_at");
        return new Job(
                row.getUUID("id"),
                Kind.valueOf(row.getString("kind")),
                row.getString("month"),
                row.getString("requested_by"),
                Language.ofTag(row.getString("language")).orElse(Language.ZH_CN),
                row.getOffsetDateTime("requested_at").toInstant(),
                State.valueOf(row.getString("state")),
                reason == null ? null : PauseReason.valueOf(reason),
                row.getString("position"),
                row.getLong("rows_done"),
                row.getLong("rows_expected"),
                row.getInteger("chunks"),
                finished == null ? null : finished.toInstant());
    }
}
