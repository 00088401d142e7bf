package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.FieldErrors;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One case action as the case page's form posts it: the version the user saw, and the fields of that action; turned
 * into the body case-service's action endpoint takes. Amounts are typed in yuan.
 */
public class CaseActionForm {

    /** The actions the console relays, by case-service's endpoint names. */
    static final Set<String> ACTIONS = Set.of(
            "accept",
            "refuse",
            "start",
            "transfer",
            "notes",
            "resolve",
            "close",
            "extend",
            "request-materials",
            "materials-received",
            "assign");

    /** The grounds for refusing a complaint (SAMR Order No. 121), case-service's names. */
    static final List<String> REFUSAL_GROUNDS = List.of(
            "NOT_WITHIN_DUTIES",
            "ALREADY_HANDLED_ELSEWHERE",
            "NOT_A_CONSUMER_DISPUTE",
            "OVER_THREE_YEARS",
            "MATERIALS_MISSING",
            "IDENTITY_OR_CONTACT_REFUSED",
            "OTHER_LEGAL_GROUND");

    /** The grounds for ending mediation (SAMR Order No. 121), case-service's names. */
    static final List<String> MEDIATION_ENDING_GROUNDS = List.of(
            "SETTLED_BY_PARTIES",
            "NO_AGREEMENT_ON_TESTING",
            "PARTY_ABSENT_OR_REFUSED",
            "NO_AGREEMENT_POSSIBLE",
            "TIME_LIMIT_EXPIRED",
            "REFUSAL_GROUND_FOUND",
            "OTHER_LEGAL_GROUND");

    @RestForm
    public String version;

    @RestForm
    public String ground;

    @RestForm
    public String note;

    @RestForm
    public String reason;

    @RestForm
    public String departmentCode;

    @RestForm
    public String text;

    @RestForm
    public String visibility;

    @RestForm
    public String outcome;

    @RestForm
    public String decisionNumber;

    @RestForm
    public String finesYuan;

    @RestForm
    public String confiscationsYuan;

    /** The action's request body; amounts that cannot be read are added to {@code errors}. */
    Map<String, Object> body(String action, FieldErrors errors) {
        Map<String, Object> body = new HashMap<>();
        switch (action) {
            case "refuse" -> {
                put(body, "ground", ground);
                put(body, "note", note);
            }
            case "transfer" -> {
                put(body, "reason", reason);
                put(body, "departmentCode", departmentCode);
            }
            case "notes" -> {
                put(body, "text", text);
                put(body, "visibility", visibility);
            }
            case "resolve" -> {
                put(body, "outcome", outcome);
                put(body, "note", note);
                put(body, "ground", ground);
                put(body, "decisionNumber", decisionNumber);
                put(body, "finesFen", fen("finesYuan", finesYuan, errors));
                put(body, "confiscationsFen", fen("confiscationsYuan", confiscationsYuan, errors));
            }
            case "extend" -> put(body, "reason", reason);
            case "request-materials" -> put(body, "note", note);
            case "assign" -> put(body, "departmentCode", departmentCode);
            default -> {
                // accept, start, close, materials-received: nothing but the version
            }
        }
        return body;
    }

    /** {@code "3"} as case-service's ETag, which {@code If-Match} must repeat. */
    String ifMatch() {
        return "\"" + (version == null ? "" : version.strip()) + "\"";
    }

    /** A request field case-service names in a problem, as the form field it came from. */
    static String formField(String requestField) {
        return switch (requestField) {
            case "finesFen" -> "finesYuan";
            case "confiscationsFen" -> "confiscationsYuan";
            default -> requestField;
        };
    }

    /** The outcomes a case of {@code kind} can end with (DESIGN §4). */
    static List<String> outcomes(String kind) {
        return "REPORT".equals(kind)
                ? List.of("SUBSTANTIATED", "UNSUBSTANTIATED", "REFERRED_TO_JUDICIARY")
                : List.of("MEDIATED", "MEDIATION_ENDED", "WITHDRAWN");
    }

    private static Long fen(String field, String yuan, FieldErrors errors) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(yuan.strip().replace(",", ""));
            if (amount.signum() < 0 || amount.scale() > 2) {
                throw new NumberFormatException(yuan);
            }
            return amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(new FieldErrors.Problem(field, FieldErrors.Kind.AMOUNT));
            return null;
        }
    }

    private static void put(Map<String, Object> body, String key, Object value) {
        if (value instanceof String s && s.isBlank()) {
            return;
        }
        if (value != null) {
            body.put(key, value instanceof String s ? s.strip() : value);
        }
    }
}
