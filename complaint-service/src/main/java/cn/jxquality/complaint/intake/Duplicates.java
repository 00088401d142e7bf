package cn.jxquality.complaint.intake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the record a new one repeats: same person (mobile or ID-number blind index), same business (credit
 * code when both have one, else the normalised name) and same category within 30 days.
 */
@ApplicationScoped
public class Duplicates {

    static final Duration WINDOW = Duration.ofDays(30);

    /** The earliest such record, or null; a record without a person has none. */
    public Uni<Complaint> earliestRepeatedBy(Complaint c) {
        if (c.mobileBlindIndex == null && c.idNumberBlindIndex == null) {
            return Uni.createFrom().nullItem();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("category", c.category);
        params.put("since", c.receivedAt.minus(WINDOW));
        params.put("nameKey", c.subjectNameKey);
        StringBuilder query = new StringBuilder("category = :category and receivedAt > :since and (");
        if (c.mobileBlindIndex != null) {
            query.append("mobileBlindIndex = :mobile");
            params.put("mobile", c.mobileBlindIndex);
        }
        if (c.idNumberBlindIndex != null) {
            query.append(c.mobileBlindIndex != null ? " or " : "").append("idNumberBlindIndex = :idNumber");
            params.put("idNumber", c.idNumberBlindIndex);
        }
        query.append(") and ");
        if (c.subjectCreditCode != null) {
            query.append("(subjectCreditCode = :creditCode"
                    + " or (subjectCreditCode is null and subjectNameKey = :nameKey))");
            params.put("creditCode", c.subjectCreditCode);
        } else {
            query.append("subjectNameKey = :nameKey");
        }
        query.append(" order by receivedAt, trackingNumber");
        return Complaint.<Complaint>find(query.toString(), params).firstResult();
    }
}
