package cn.jxquality.notify.delivery;

import cn.jxquality.notify.contact.Contact;
import cn.jxquality.notify.contact.ContactBook;
import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.RecipientKind;
import cn.jxquality.notify.template.MessageTemplates;
import cn.jxquality.notify.webhook.WebhookConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Resolves a recipient to an address at send time: a citizen's mobile or e-mail from complaint-service
 * (so nothing personal is stored here), a department's webhook URL from configuration.
 */
@ApplicationScoped
public class Targets {

    private final ContactBook contacts;
    private final WebhookConfig webhooks;

    Targets(ContactBook contacts, WebhookConfig webhooks) {
        this.contacts = contacts;
        this.webhooks = webhooks;
    }

    /**
     * Look-ups for one dispatcher pass: the contacts of all the citizens its notices go to are asked in one request
     * (one per 100 complaints), made when the first of them is needed; a notice the pass was not told of is looked
     * up on its own. Nothing outlives the pass. Whether a citizen opted out came with the leased row.
     */
    Pass pass(Collection<PendingNotification> notices) {
        return new Pass(notices.stream()
                .filter(n -> n.recipientKind() == RecipientKind.CITIZEN && !n.optedOut())
                .map(PendingNotification::complaintId)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    final class Pass {

        private final Set<UUID> complaintIds;
        private final Uni<Map<UUID, Contact>> contactsOfPass;
        private final Map<UUID, Uni<Map<UUID, Contact>>> contactOfOthers = new ConcurrentHashMap<>();

        private Pass(Set<UUID> complaintIds) {
            this.complaintIds = complaintIds;
            this.contactsOfPass = contacts.find(complaintIds).memoize().indefinitely();
        }

        Uni<Target> of(PendingNotification n) {
            if (n.recipientKind() != RecipientKind.CITIZEN) {
                return Uni.createFrom().item(configured(n));
            }
            if (n.optedOut()) {
                return Uni.createFrom().item(Target.nowhere("the citizen opted out"));
            }
            UUID id = n.complaintId();
            Uni<Map<UUID, Contact>> found = complaintIds.contains(id)
                    ? contactsOfPass
                    : contactOfOthers.computeIfAbsent(
                            id, other -> contacts.find(List.of(other)).memoize().indefinitely());
            return found.map(byId -> citizen(Optional.ofNullable(byId.get(id)), n.channel()));
        }
    }

    /** Anyone but a citizen: a webhook goes to the configured URL of the recipient department; nothing else here. */
    private Target configured(PendingNotification n) {
        if (n.channel() == NotificationChannel.WEBHOOK) {
            String url = webhooks.departments().get(n.recipient());
            return url == null ? Target.nowhere("no webhook configured") : Target.to(url, n.language());
        }
        return Target.nowhere("nothing to deliver on " + n.channel());
    }

    /** An anonymous report without contact details, or a contact without this channel's address, hears nothing. */
    private static Target citizen(Optional<Contact> contact, NotificationChannel channel) {
        if (contact.isEmpty()) {
            return Target.nowhere("no contact for this complaint");
        }
        String address = channel == NotificationChannel.SMS
                ? contact.get().mobile()
                : contact.get().email();
        if (address == null || address.isBlank()) {
            return Target.nowhere("the contact has no " + (channel == NotificationChannel.SMS ? "mobile" : "e-mail"));
        }
        return Target.to(address, MessageTemplates.language(contact.get().language()));
    }
}
