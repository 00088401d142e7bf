package cn.jxquality.cases.casefile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A complaint or report being handled by a department. Holds no personal data. */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false, unique = true)
    public UUID complaintId;

    @Column(name = "tracking_number", nullable = false, unique = true)
    public String trackingNumber;

    public String kind;

    public String channel;

    public String category;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "subject_name")
    public String subjectName;

    @Column(name = "subject_credit_code")
    public String subjectCreditCode;

    @Column(name = "department_code")
    public String departmentCode;

    /** The routing rule that chose the department; null when triaged by hand. */
    @Column(name = "routing_rule_id")
    public String routingRuleId;

    @Enumerated(EnumType.STRING)
    public CaseState state;

    public String outcome;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
