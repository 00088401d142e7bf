package cn.jxquality.complaint.feedback;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A citizen's follow-up rating of one record; at most one per record (written by {@link FeedbackService}). */
@Entity
@Table(name = "complaint_feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    UUID complaintId;

    short rating;

    String comment;

    @Column(name = "given_at")
    Instant givenAt;

    public short rating() {
        return rating;
    }

    public String comment() {
        return comment;
    }

    public Instant givenAt() {
        return givenAt;
    }
}
