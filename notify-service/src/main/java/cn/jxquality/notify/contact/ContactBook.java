package cn.jxquality.notify.contact;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Looks up complainants' contacts at send time, many in one request; a complaint without one (an anonymous report,
 * an unknown id) is simply absent from the answer.
 */
@ApplicationScoped
public class ContactBook {

    private final ComplaintContactClient client;

    ContactBook(@RestClient ComplaintContactClient client) {
        this.client = client;
    }

    /**
     * The contacts of these complaints by complaint id, asked {@link ContactLookup#MAX_IDS} at a time; any failure
     * (5xx, a timeout, no token) fails the whole Uni so that the deliveries waiting for it are retried.
     */
    public Uni<Map<UUID, Contact>> find(Collection<UUID> complaintIds) {
        List<UUID> ids = List.copyOf(complaintIds);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Contacts>> lookups = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += ContactLookup.MAX_IDS) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + ContactLookup.MAX_IDS));
            lookups.add(client.lookUp(new ContactLookup(chunk)));
        }
        return Uni.join().all(lookups).andFailFast().map(answers -> {
            Map<UUID, Contact> byId = new HashMap<>();
            for (Contacts answer : answers) {
                if (answer.contacts() != null) {
                    answer.contacts().forEach(contact -> byId.put(contact.complaintId(), contact));
                }
            }
            return byId;
        });
    }
}
