package cn.jxquality.complaint.odr;

import java.time.Instant;
import java.util.UUID;

/** The data of the ODR events this feature publishes (schemas in {@code events/}); none carries personal data. */
final class OdrEvents {

    private OdrEvents() {}

    /** {@code complaint.enterprise-responded.v1}; {@code answerBy} only with a settlement. */
    record EnterpriseResponded(
            UUID complaintId,
            String trackingNumber,
            String enterpriseCreditCode,
            boolean settled,
            Instant respondedAt,
            Instant dueAt,
            boolean onTime,
            Instant answerBy) {

        static final String TYPE = "complaint.enterprise-responded.v1";
    }

    /** {@code complaint.settlement-answered.v1}: by the citizen, or (byCitizen false) by their silence. */
    record SettlementAnswered(
            UUID complaintId,
            String trackingNumber,
            String enterpriseCreditCode,
            boolean accepted,
            boolean byCitizen,
            Instant answeredAt) {

        static final String TYPE = "complaint.settlement-answered.v1";
    }
}
