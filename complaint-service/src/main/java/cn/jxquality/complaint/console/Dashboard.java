package cn.jxquality.complaint.console;

import java.time.LocalDate;
import java.util.List;

/**
 * The supervisors' dashboard for a range of Beijing days: the headline figures, each picture's rows (which the page
 * also shows as a table, for screen readers and for anyone who wants the numbers) and each picture's data for ECharts.
 */
public record Dashboard(
        LocalDate from,
        LocalDate to,
        SupervisionClient.Summary summary,
        List<Row> cities,
        List<Row> categories,
        List<Row> departments,
        List<Point> volume,
        List<SupervisionClient.Enterprise> enterprises,
        List<Alert> alerts,
        Charts charts) {

    /** The figures of one city, category or department. */
    public record Row(
            String code,
            String name,
            long received,
            long decided,
            Double onTimeRate,
            Double averageRating,
            Double satisfactionIndex) {

        /** The share of the decided cases decided after their deadline; null when none was decided. */
        public Double lateRate() {
            return onTimeRate == null ? null : 1 - onTimeRate;
        }
    }

    /** The cases received on one day. */
    public record Point(LocalDate day, long received) {}

    /** A risk alert as the dashboard names it. */
    public record Alert(String subject, String city, int count, double baseline, String window) {}

    /** Each picture's data as JSON, for the page's {@code data-chart} attributes. */
    public record Charts(String volume, String categories, String map, String departments) {}
}
