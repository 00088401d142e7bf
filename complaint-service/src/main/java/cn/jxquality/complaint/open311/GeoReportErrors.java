package cn.jxquality.complaint.open311;

import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemDialect;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Every error under {@code /open311/} as GeoReport v2's error list, in the format the path's extension asks for
 * (XML for {@code .xml}, else JSON): what the resource refuses, unknown paths and methods, a body past the limit,
 * a request refused at the door. Our field names become the client's parameter names.
 */
@ApplicationScoped
public class GeoReportErrors implements ProblemDialect {

    static final String XML = "text/xml;charset=utf-8";
    static final String JSON = "application/json";

    private final ObjectMapper json;

    GeoReportErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean speaksFor(String path) {
        return path.startsWith("/open311/") || path.equals("/open311");
    }

    @Override
    public Rendered render(String path, Problem problem) {
        List<GeoReport.Error> errors = errors(problem);
        if (path.endsWith(".xml")) {
            return new Rendered(XML, GeoReportXml.write(json, "errors", errors));
        }
        try {
            return new Rendered(JSON, json.writeValueAsString(errors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the error list could not be written", e);
        }
    }

    /** One error per field the problem names, else one for the problem. */
    static List<GeoReport.Error> errors(Problem problem) {
        if (problem.violations() == null || problem.violations().isEmpty()) {
            return List.of(new GeoReport.Error(problem.status(), problem.detail()));
        }
        return problem.violations().stream()
                .map(v -> new GeoReport.Error(problem.status(), openName(v.field()) + " " + openMessage(v)))
                .toList();
    }

    /** Our field names (in violations) as the client's parameter names. */
    static String openName(String field) {
        return switch (field) {
            case "category" -> "service_code";
            case "subject.name" -> "attribute[subject_name]";
            case "subject.creditCode" -> "attribute[subject_credit_code]";
            case "subject.regionCode" -> "attribute[region_code]";
            case "subject.address" -> "address_string";
            case "subject.onlinePlatform" -> "attribute[online_platform]";
            case "amountFen" -> "attribute[amount_fen]";
            case "remedy" -> "attribute[remedy]";
            case "anonymous" -> "attribute[anonymous]";
            case "rewardRequested" -> "attribute[reward_requested]";
            case "odr.enterpriseFirst" -> "attribute[enterprise_first]";
            case "person", "person.name" -> "first_name";
            case "person.mobile" -> "phone";
            case "person.email" -> "email";
            default -> field;
        };
    }

    /**
     * The message, with the way out where a GeoReport client is likely to be stuck: such clients often have an e-mail
     * and no mobile, which a complaint needs and an anonymous report does not.
     */
    private static String openMessage(Problem.Violation v) {
        if (v.field().equals("person.mobile") && v.message().equals("is required")) {
            return "is required for a complaint (a mainland mobile number); a report needs none: send"
                    + " attribute[kind]=REPORT, with attribute[anonymous]=true to leave out the person";
        }
        return v.message();
    }
}
