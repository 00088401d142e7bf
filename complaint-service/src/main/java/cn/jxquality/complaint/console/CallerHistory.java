package cn.jxquality.complaint.console;

import cn.jxquality.complaint.intake.ComplaintKind;
import cn.jxquality.complaint.intake.PublicStatus;
import cn.jxquality.complaint.intake.SubjectName;
import cn.jxquality.complaint.page.IntakeOptions;
import cn.jxquality.complaint.page.Language;
import cn.jxquality.complaint.search.ComplaintSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the operator sees beside the call intake once the caller's mobile is typed: their earlier complaints, newest
 * first, the ones the call would repeat flagged (intake links those rather than dropping them).
 */
public record CallerHistory(List<Earlier> earlier) {

    /** The window in which intake treats the same person, business and category as a duplicate. */
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);

    /** One earlier complaint of the caller. */
    public record Earlier(
            String trackingNumber,
            Instant receivedAt,
            ComplaintKind kind,
            String category,
            String subjectName,
            PublicStatus status,
            boolean likelyDuplicate) {}

    public boolean hasDuplicate() {
        return earlier.stream().anyMatch(Earlier::likelyDuplicate);
    }

    static CallerHistory of(
            List<ComplaintSummary> found,
            String category,
            String subjectName,
            String creditCode,
            IntakeOptions options,
            Language language) {
        Instant since = Instant.now().minus(DUPLICATE_WINDOW);
        String nameKey = subjectName == null || subjectName.isBlank() ? null : SubjectName.key(subjectName.strip());
        String code = creditCode == null || creditCode.isBlank()
                ? null
                : creditCode.strip().toUpperCase(Locale.ROOT);
        return new CallerHistory(found.stream()
                .map(c -> new Earlier(
                        c.trackingNumber(),
                        c.receivedAt(),
                        c.kind(),
                        options.categoryName(c.category(), language),
                        c.subject().name(),
                        c.status(),
                        c.receivedAt().isAfter(since)
                                && c.category().equals(category)
                                && (code != null && code.equals(c.subject().creditCode())
                                        || nameKey != null
                                                && nameKey.equals(SubjectName.key(
                                                        c.subject().name())))))
                .toList());
    }
}
