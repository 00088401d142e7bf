package cn.jxquality.complaint.open311;

import cn.jxquality.complaint.intake.Remedy;
import cn.jxquality.complaint.reference.ReferenceData;
import cn.jxquality.complaint.reference.ReferenceData.Category;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Open311 services are our second-level categories; each takes the same attributes, which intake needs. */
@ApplicationScoped
public class ServiceCatalogue {

    static final List<GeoReport.Attribute> ATTRIBUTES = List.of(
            attribute(
                    1,
                    "kind",
                    "singlevaluelist",
                    false,
                    "COMPLAINT (投诉, the default: a dispute seeking a remedy; needs first_name/last_name and phone, a"
                            + " mainland mobile number) or REPORT (举报: a lead that a business breaks the law; send"
                            + " attribute[anonymous]=true for an anonymous report, which needs no name, phone or e-mail)",
                    List.of(
                            new GeoReport.Value("COMPLAINT", "投诉 complaint"),
                            new GeoReport.Value("REPORT", "举报 report"))),
            attribute(2, "subject_name", "string", true, "Name of the business complained about", null),
            attribute(
                    3,
                    "subject_credit_code",
                    "string",
                    false,
                    "Its 18-character unified social credit code (GB 32100), if known",
                    null),
            attribute(
                    4,
                    "region_code",
                    "string",
                    false,
                    "6-digit Jiangxi region code where the business operates (36xxxx); without it lat/long pick the"
                            + " nearest city",
                    null),
            attribute(5, "online_platform", "string", false, "The online shop or platform, if it sold online", null),
            attribute(6, "amount_fen", "number", false, "Amount involved, in fen (1/100 yuan)", null),
            attribute(
                    7,
                    "remedy",
                    "singlevaluelist",
                    false,
                    "What a complainant seeks",
                    Arrays.stream(Remedy.values())
                            .map(r -> new GeoReport.Value(r.name(), r.name()))
                            .toList()),
            attribute(8, "anonymous", "singlevaluelist", false, "true for an anonymous report", booleans()),
            attribute(
                    9,
                    "reward_requested",
                    "singlevaluelist",
                    false,
                    "true when a report asks for a reward",
                    booleans()),
            attribute(
                    10,
                    "consent_publish",
                    "singlevaluelist",
                    false,
                    "true when the citizen agrees to publish the request: then anyone may read it back (status,"
                            + " description, the business's address; never the person) without an api_key, as"
                            + " FixMyStreet's status sync does; otherwise only the client that posted it",
                    booleans()),
            attribute(
                    11,
                    "enterprise_first",
                    "singlevaluelist",
                    false,
                    "true to send a complaint about an enterprise in the ODR register (GET /api/v1/odr/enterprises;"
                            + " attribute[subject_credit_code] names it) to the enterprise first: it answers within 10"
                            + " working days, and the department takes the complaint only if that fails",
                    booleans()),
            attribute(
                    12,
                    "share_contact",
                    "singlevaluelist",
                    false,
                    "with enterprise_first: true when the enterprise may see the citizen's name and confirmed phone"
                            + " and e-mail to negotiate",
                    booleans()));

    private final Map<String, Category> categories;

    ServiceCatalogue(ReferenceData reference) {
        this.categories =
                reference.categories().stream().collect(Collectors.toMap(Category::code, Function.identity()));
    }

    public List<GeoReport.Service> services() {
        return categories.values().stream()
                .filter(c -> c.parent() != null)
                .sorted(java.util.Comparator.comparing(Category::code))
                .map(this::service)
                .toList();
    }

    public Optional<GeoReport.ServiceDefinition> definition(String code) {
        return service(code).map(s -> new GeoReport.ServiceDefinition(s.serviceCode(), ATTRIBUTES));
    }

    public Optional<GeoReport.Service> service(String code) {
        Category category = categories.get(code);
        return category == null || category.parent() == null ? Optional.empty() : Optional.of(service(category));
    }

    private GeoReport.Service service(Category c) {
        Category parent = categories.get(c.parent());
        return new GeoReport.Service(
                c.code(),
                c.nameZh(),
                c.nameEn(),
                true,
                "realtime",
                c.nameEn(),
                parent.nameZh() + " " + parent.nameEn());
    }

    private static GeoReport.Attribute attribute(
            int order,
            String code,
            String datatype,
            boolean required,
            String description,
            List<GeoReport.Value> values) {
        return new GeoReport.Attribute(true, code, datatype, required, description, order, description, values);
    }

    private static List<GeoReport.Value> booleans() {
        return List.of(new GeoReport.Value("false", "no"), new GeoReport.Value("true", "yes"));
    }
}
