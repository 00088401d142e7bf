package cn.jxquality.notify.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One message to one recipient on one channel, caused by one event. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(name = "tracking_number")
    public String trackingNumber;

    /** A department code, a role, or {@code citizen:<complaint id>}; never a phone number or address. */
    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind")
    public RecipientKind recipientKind;

    @Enumerated(EnumType.STRING)
    public NotificationChannel channel;

    public String template;

    public String language;

    public String subject;

    public String body;

    @Enumerated(EnumType.STRING)
    public NotificationStatus status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The event's JSON data (never personal by contract), rendered at send time in the recipient's language. */
    @Column(name = "event_data")
    public String eventData;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** When it was given up; it then waits only for its notification-dlq record's ack (see V4__given_up.sql). */
    @Column(name = "given_up_at")
    public Instant givenUpAt;
}
