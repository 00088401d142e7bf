package cn.jxquality.complaint.open311;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
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
            List<Value> values) {}

    /** A choice of a list attribute. */
    public record Value(String key, String name) {}

    /** The answer to a created request; {@code query_code} (ours) is what the citizen needs for the status page. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Created(String serviceRequestId, String serviceNotice, String accountId, String queryCode) {}

    /** A request as {@code requests.json} shows it: no personal data, no description, the business address only. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Request(
            String serviceRequestId,
            String status,
            String statusNotes,
            String serviceName,
            String serviceCode,
            String agencyResponsible,
            Instant requestedDatetime,
            Instant updatedDatetime,
            Instant expectedDatetime,
            String address) {}

    /** One entry of the specification's error list. */
    public record Error(int code, String description) {}
}
