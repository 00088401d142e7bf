package cn.jxquality.cases.odr;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How a complaint's turn with a registered ODR enterprise ended without a settlement, as {@code complaint.received.v1}'s
 * {@code odr} block tells it: the case that opens now counts its own deadlines from {@code endedAt} (DESIGN §4), and
 * its audit trail starts with this history, so the department sees why the complaint reaches it late.
 */
public record OdrEnding(
        String enterpriseCreditCode,
        String enterpriseName,
        Instant sentAt,
        Instant dueAt,
        Instant respondedAt,
        Instant endedAt,
        Ending ending) {

    /** Why the ODR turn ended without a settlement. */
    public enum Ending {
        /** The enterprise answered that it could not settle. */
        NOT_SETTLED,
        /** The enterprise did not answer within its 10 working days. */
        LAPSED,
        /** The citizen disputed the settlement the enterprise reported. */
        DISPUTED
    }

    /** The audit entry's type on the case. */
    public static final String AUDIT_TYPE = "case.odr-history";

    private static final DateTimeFormatter BEIJING =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    /**
     * The {@code odr} block of a received event; null when there is none (the complaint came straight to the
     * regulator). A block missing a required field, or with an unknown ending, is a malformed event
     * (IllegalArgumentException, DateTimeException: dead letter).
     */
    public static OdrEnding of(JsonNode odr) {
        if (odr == null || odr.isNull() || odr.isMissingNode()) {
            return null;
        }
        if (!odr.isObject()) {
            throw new IllegalArgumentException("odr is not an object");
        }
        return new OdrEnding(
                text(odr, "enterpriseCreditCode"),
                text(odr, "enterpriseName"),
                Instant.parse(text(odr, "sentAt")),
                Instant.parse(text(odr, "dueAt")),
                odr.path("respondedAt").isTextual()
                        ? Instant.parse(odr.get("respondedAt").asText())
                        : null,
                Instant.parse(text(odr, "endedAt")),
                Ending.valueOf(text(odr, "ending")));
    }

    /** The history as the case's audit trail states it (Beijing times); the enterprise's words stay with complaint-service. */
    public String auditNote() {
        String answer = respondedAt == null ? "no answer" : "answered " + BEIJING.format(respondedAt);
        return "先行和解未果 Sent to the enterprise first (ODR): " + enterpriseName + ", credit code "
                + enterpriseCreditCode + "; sent " + BEIJING.format(sentAt) + ", due " + BEIJING.format(dueAt) + ", "
                + answer + "; ended " + BEIJING.format(endedAt) + ": " + ending + " (" + meaning() + ")."
                + " The case's deadlines count from the end.";
    }

    private String meaning() {
        return switch (ending) {
            case NOT_SETTLED -> "the enterprise could not settle it";
            case LAPSED -> "the enterprise did not answer in time";
            case DISPUTED -> "the citizen disputed the settlement";
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("odr lacks text field " + field);
        }
        return value.asText();
    }
}
