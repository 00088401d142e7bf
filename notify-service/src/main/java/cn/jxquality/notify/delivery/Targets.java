package cn.jxquality.notify.delivery;

import cn.jxquality.notify.contact.Contact;
import cn.jxquality.notify.contact.ContactBook;
import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.RecipientKind;
import cn.jxquality.notify.optout.OptOuts;
import cn.jxquality.notify.template.MessageTemplates;
import cn.jxquality.notify.webhook.WebhookConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a recipient to an address at send time: a citizen's mobile or e-mail from complaint-service
 * (so nothing personal is stored here), a department's webhook URL from configuration.
 */
@ApplicationScoped
public class Targets {

    private final ContactBook contacts;
    private final OptOuts optOuts;
    private final WebhookConfig webhooks;

    Targets(ContactBook contacts, OptOuts optOuts, WebhookConfig webhooks) {
        this.contacts = contacts;
        this.optOuts = optOuts;
        this.webhooks = webhooks;
    }

    /**
     * Look-ups for one dispatcher pass: a citizen's opt-out and contact are asked once per complaint however many
     * of the pass's notices (an SMS and an e-mail about one event, say) go to them. Nothing outlives the pass.
     */
    Pass pass() {
        return new Pass();
    }

    final class Pass {

        private final Map<UUID, Uni<Optional<Contact>>> contactOf = new ConcurrentHashMap<>();
        private final Map<String, Uni<Boolean>> optedOut = new ConcurrentHashMap<>();

        private Pass() {}

        Uni<Target> of(PendingNotification n) {
            if (n.recipientKind() == RecipientKind.CITIZEN) {
                return optedOut.computeIfAbsent(
                                n.trackingNumber(),
                                number -> optOuts.optedOut(number).memoize().indefinitely())
                        .flatMap(out -> out
                                ? Uni.createFrom().item(Target.nowhere("the citizen opted out"))
                                : contactOf
                                        .computeIfAbsent(
                                                n.complaintId(),
                                                id -> contacts.find(id)
                                                        .memoize()
                                                        .indefinitely())
                                        .map(contact -> citizen(contact, n.channel())));
            }
            return Uni.createFrom().item(configured(n));
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
