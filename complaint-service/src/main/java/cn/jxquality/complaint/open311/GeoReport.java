package cn.jxquality.complaint.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The Open311 GeoReport v2 documents, with the specification's snake_case field names. */
public final class GeoReport {

    private GeoReport() {}

    /** One entry of {@code services.json}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Service(
            String serviceCode,
            String serviceName,
            String description,
            boolean metadata,
            String type,
            String keywords,
            String group) {}

    /** {@code services/{code}.json}: the extra fields our intake needs, as attributes. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceDefinition(String serviceCode, List<Attribute> attributes) {}

    /** One attribute of a service definition; {@code values} only for the list datatypes. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Attribute(
            boolean variable,
            String code,
            String datatype,
            boolean required,
            String datatypeDescription,
            int order,
            String description,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Value> values) {}

    /** A choice of a list attribute. */
    public record Value(String key, String name) {}

    /** The answer to a created request; {@code query_code} (ours) is what the citizen needs for the status page. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL) // no "account_id": null, which strict clients' schemas refuse
    public record Created(String serviceRequestId, String serviceNotice, String accountId, String queryCode) {}

    /**
     * A request as {@code requests.json} shows it: never the person; the business's address and the description; the
     * seat of the business's region as its location (the point a client sent only picks the region: it may be the
     * citizen's home, and is not kept). Fields without a value are left out, as strict clients' schemas want.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(
            String serviceRequestId,
            String status,
            String statusNotes,
            String serviceName,
            String serviceCode,
            String description,
            String agencyResponsible,
            String requestedDatetime,
            String updatedDatetime,
            String expectedDatetime,
            String address,
            Double lat,
            @JsonProperty("long") Double lon) {}

    /** Beijing time, the offset written out, whole seconds: {@code 2026-11-25T08:00:00+08:00}, as the examples. */
    static String time(Instant at) {
        return at == null ? null : DATE_TIME.format(at.atOffset(BEIJING).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A description as GeoReport v2 allows it (at most {@value #MAX_DESCRIPTION} characters; intake takes 5,000): a
     * longer one is cut, ending in "…", and read whole on the status page.
     */
    static String shortened(String description) {
        if (description == null || description.codePointCount(0, description.length()) <= MAX_DESCRIPTION) {
            return description;
        }
        return description.substring(0, description.offsetByCodePoints(0, MAX_DESCRIPTION - 1)) + "…";
    }

    static final int MAX_DESCRIPTION = 4000;

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** One entry of the specification's error list. */
    public record Error(int code, String description) {}
}
