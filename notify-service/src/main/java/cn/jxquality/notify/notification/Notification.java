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
    UUID id;

    @Column(name = "event_id")
    String eventId;

    @Column(name = "event_type")
    String eventType;

    @Column(name = "complaint_id")
    UUID complaintId;

    @Column(name = "tracking_number")
    String trackingNumber;

    /** A department code, a role, or {@code citizen:<complaint id>}; never a phone number or address. */
    String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind")
    RecipientKind recipientKind;

    @Enumerated(EnumType.STRING)
    NotificationChannel channel;

    String template;

    String language;

    String subject;

    String body;

    @Enumerated(EnumType.STRING)
    NotificationStatus status;

    int attempts;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "sent_at")
    Instant sentAt;

    /** The event's JSON data (never personal by contract), rendered at send time in the recipient's language. */
    @Column(name = "event_data")
    String eventData;

    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;

    @Column(name = "lease_until")
    Instant leaseUntil;

    /** When it was given up; it then waits only for its notification-dlq record's ack (see V4__given_up.sql). */
    @Column(name = "given_up_at")
    Instant givenUpAt;

    public UUID id() {
        return id;
    }

    public String eventType() {
        return eventType;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public String template() {
        return template;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Back to PENDING with a fresh set of tries, due at {@code at} (a supervisor's re-send of a FAILED one). */
    void requeue(Instant at) {
        status = NotificationStatus.PENDING;
        attempts = 0;
        nextAttemptAt = at;
        leaseUntil = null;
        givenUpAt = null;
    }
}
