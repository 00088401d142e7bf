package cn.jxquality.cases.statistics;

import cn.jxquality.cases.casefile.CaseFile;
import cn.jxquality.cases.deadline.CaseDeadlines;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the supervisors' statistics incrementally: each received case, each decision (resolution or refusal)
 * and each follow-up rating adds to a few aggregate rows, in the transaction of the step itself (a received case
 * is counted by {@link cn.jxquality.cases.intake.CaseOpening}'s statement that opens it): {@code
 * stats_daily} by every dimension at once (the daily counts), {@code stats_daily_by} by one dimension at a time (the
 * summary).
 */
@ApplicationScoped
public class CaseStatistics {

    /** The outcome counted for a refused case. */
    static final String NOT_ACCEPTED = "NOT_ACCEPTED";

    static final String ADD = """
            insert into stats_daily (day, kind, category, region_code, department_code, outcome,
                                     received, decided, decided_on_time, handling_seconds, ratings, rating_sum)
            values (:day, :kind, :category, :region, :department, :outcome,
                    :received, :decided, :onTime, :seconds, :ratings, :ratingSum)
            on conflict (day, kind, category, region_code, department_code, outcome) do update set
              received = stats_daily.received + excluded.received,
              decided = stats_daily.decided + excluded.decided,
              decided_on_time = stats_daily.decided_on_time + excluded.decided_on_time,
              handling_seconds = stats_daily.handling_seconds + excluded.handling_seconds,
              ratings = stats_daily.ratings + excluded.ratings,
              rating_sum = stats_daily.rating_sum + excluded.rating_sum""";
    /**
     * The same measures by one dimension at a time, for the summary (a few hundred rows a day); KIND (complaint or
     * report) for the ODR statistics' share of complaints.
     */
    static final String ADD_BY = """
            insert into stats_daily_by (dimension, day, key, received, decided, decided_on_time, ratings, rating_sum)
            values ('TOTAL', :day, '', :received, :decided, :onTime, :ratings, :ratingSum),
                   ('OUTCOME', :day, :outcome, :received, :decided, :onTime, :ratings, :ratingSum),
                   ('DEPARTMENT', :day, :department, :received, :decided, :onTime, :ratings, :ratingSum),
                   ('CATEGORY', :day, :category, :received, :decided, :onTime, :ratings, :ratingSum),
                   ('REGION', :day, :region, :received, :decided, :onTime, :ratings, :ratingSum),
                   ('KIND', :day, :kind, :received, :decided, :onTime, :ratings, :ratingSum)
            on conflict (dimension, day, key) do update set
              received = stats_daily_by.received + excluded.received,
              decided = stats_daily_by.decided + excluded.decided,
              decided_on_time = stats_daily_by.decided_on_time + excluded.decided_on_time,
              ratings = stats_daily_by.ratings + excluded.ratings,
              rating_sum = stats_daily_by.rating_sum + excluded.rating_sum""";

    static final String ADD_HANDLING = """
            insert into stats_handling_days (day, handling_days, cases) values (:day, :days, 1)
            on conflict (day, handling_days) do update set cases = stats_handling_days.cases + 1""";
    static final String ADD_SUBSTANTIATED = """
            insert into stats_substantiated (day, credit_code, cases) values (:day, :code, 1)
            on conflict (day, credit_code) do update set cases = stats_substantiated.cases + 1""";
    static final String RAN_OUT = "select count(*) from deadline_clock where case_id = :id and overdue_at is not null";

    /**
     * A resolution or refusal, counted on the day of the decision: on time when none of the case's watched
     * deadlines ran out; handling time from receipt.
     */
    public Uni<Void> decided(CaseFile file, Instant at) {
        String outcome = file.outcome() != null ? file.outcome() : NOT_ACCEPTED;
        long seconds = Math.max(0, Duration.between(file.receivedAt(), at).toSeconds());
        LocalDate day = day(at);
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(RAN_OUT, Long.class)
                        .setParameter("id", file.id())
                        .getSingleResult())
                .flatMap(ranOut -> add(
                        file, day, outcome, Map.of("decided", 1, "onTime", ranOut == 0 ? 1 : 0, "seconds", seconds)))
                .flatMap(v -> execute(ADD_HANDLING, Map.of("day", day, "days", handlingDays(file.receivedAt(), at))))
                .flatMap(v -> "SUBSTANTIATED".equals(file.outcome()) && file.subjectCreditCode() != null
                        ? execute(ADD_SUBSTANTIATED, Map.of("day", day, "code", file.subjectCreditCode()))
                        : Uni.createFrom().voidItem());
    }

    /** A follow-up rating (1–5), counted on the day it was given, under the case's department and outcome. */
    public Uni<Void> rated(CaseFile file, int rating, Instant at) {
        return add(
                file, day(at), file.outcome() != null ? file.outcome() : "", Map.of("ratings", 1, "ratingSum", rating));
    }

    private Uni<Void> add(CaseFile file, LocalDate day, String outcome, Map<String, Object> measures) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("day", day);
        parameters.put("category", file.category());
        parameters.put("region", file.regionCode());
        parameters.put("department", file.departmentCode() != null ? file.departmentCode() : "");
        parameters.put("outcome", outcome);
        parameters.put("received", measures.getOrDefault("received", 0));
        parameters.put("decided", measures.getOrDefault("decided", 0));
        parameters.put("onTime", measures.getOrDefault("onTime", 0));
        parameters.put("ratings", measures.getOrDefault("ratings", 0));
        parameters.put("ratingSum", measures.getOrDefault("ratingSum", 0));
        parameters.put("kind", file.kind());
        Map<String, Object> byDimension = Map.copyOf(parameters);
        parameters.put("seconds", ((Number) measures.getOrDefault("seconds", 0L)).longValue());
        return execute(ADD, parameters).flatMap(v -> execute(ADD_BY, byDimension));
    }

    private static Uni<Void> execute(String sql, Map<String, Object> parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate().replaceWithVoid();
        });
    }

    /** Beijing time, in which the statistics count their days. */
    public static final java.time.ZoneId BEIJING = CaseDeadlines.BEIJING;

    public static LocalDate day(Instant at) {
        return at.atZone(BEIJING).toLocalDate();
    }

    static int handlingDays(Instant receivedAt, Instant decidedAt) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(day(receivedAt), day(decidedAt)));
    }
}
