package cn.jxquality.cases.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting to be published; written in the transaction of the change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Also the CloudEvents {@code id}, so consumers can drop redeliveries. */
    @Id
    public UUID id;

    /** The complaint the case is about; the Kafka key, so one complaint's events stay in order across services. */
    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;

    /** CloudEvents {@code type}, e.g. {@code case.assigned.v1}. */
    @Column(nullable = false)
    public String type;

    /** CloudEvents {@code subject}: the tracking number. */
    public String subject;

    /** The event data as JSON; never personal data. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
