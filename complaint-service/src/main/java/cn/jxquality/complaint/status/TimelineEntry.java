package cn.jxquality.complaint.status;

import cn.jxquality.complaint.intake.PublicStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of the public timeline a citizen sees; only public notes go here. */
@Entity
@Table(name = "status_timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "complaint_id", nullable = false)
    UUID complaintId;

    Instant at;

    @Enumerated(EnumType.STRING)
    PublicStatus status;

    String note;

    /** The event that caused the entry, if any. */
    @Column(name = "source_event_id")
    String sourceEventId;

    public UUID complaintId() {
        return complaintId;
    }

    public String note() {
        return note;
    }
}
