package cn.jxquality.complaint.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Remembers consumed event ids in the consumer's own transaction, so a redelivery changes nothing. */
@ApplicationScoped
public class ProcessedEvents {

    static final String MARK = "insert into processed_event (event_id, event_type, processed_at)"
            + " values (:id, :type, now()) on conflict (event_id) do nothing";

    /** True the first time an event id is seen; must run inside the transaction that handles the event. */
    public Uni<Boolean> firstDelivery(String eventId, String eventType) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(MARK)
                        .setParameter("id", eventId)
                        .setParameter("type", eventType)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
