package cn.jxquality.notify.delivery;

import cn.jxquality.notify.contact.Contact;
import cn.jxquality.notify.contact.ContactBook;
import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.RecipientKind;
import cn.jxquality.notify.template.MessageTemplates;
import cn.jxquality.notify.webhook.WebhookConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
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
 * (so nothing personal is stored here), a department's webhook URL from configuration, an ODR enterprise's e-mail
 * address from the event that sent it the complaint (the register's business channel).
 */
@ApplicationScoped
public class Targets {

    /**
     * The messages an unconfirmed address hears: the receipt, with its confirmation code; a complaint sent to an ODR
     * enterprise first has its receipt when it is sent there.
     */
    static final Set<String> RECEIPTS = Set.of("complaint-received-citizen", "complaint-sent-to-enterprise-citizen");

    private final ContactBook contacts;
    private final WebhookConfig webhooks;
    private final AddressCaps caps;
    private final ObjectMapper json;

    Targets(ContactBook contacts, WebhookConfig webhooks, AddressCaps caps, ObjectMapper json) {
        this.contacts = contacts;
        this.webhooks = webhooks;
        this.caps = caps;
        this.json = json;
    }

    /**
     * Look-ups for one dispatcher pass: the contacts of all the citizens its notices go to are asked in one request
     * (one per 100 complaints), made when the first of them is needed; a notice the pass was not told of is looked
     * up on its own. Nothing outlives the pass. Whether a citizen opted out came with the leased row. The places of
     * the daily cap per address ({@link AddressCaps}) are taken for all of the pass's messages in one statement once
     * the contacts are known, and those not used are given back at the pass's {@link Pass#end}.
     */
    Pass pass(Collection<PendingNotification> notices) {
        return new Pass(notices.stream()
                .filter(n -> n.recipientKind() == RecipientKind.CITIZEN && !n.optedOut())
                .toList());
    }

    final class Pass {

        private final List<PendingNotification> citizens;
        private final Set<UUID> complaintIds;
        private final Uni<Map<UUID, Contact>> contactsOfPass;
        private final Map<UUID, Uni<Map<UUID, Contact>>> contactOfOthers = new ConcurrentHashMap<>();
        private final Uni<Void> placesOfPass;
        /** Places taken for this pass and not (or no longer) used, by address key; given back at the end. */
        private final Map<String, Integer> left = new HashMap<>();

        private Pass(List<PendingNotification> citizens) {
            this.citizens = citizens;
            this.complaintIds = citizens.stream()
                    .map(PendingNotification::complaintId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            this.contactsOfPass = contacts.find(complaintIds).memoize().indefinitely();
            this.placesOfPass = contactsOfPass
                    .flatMap(byId -> caps.take(wanted(byId)))
                    .invoke(this::granted)
                    .replaceWithVoid()
                    .memoize()
                    .indefinitely();
        }

        Uni<Target> of(PendingNotification n) {
            if (n.recipientKind() != RecipientKind.CITIZEN) {
                return Uni.createFrom().item(() -> configured(n));
            }
            if (n.optedOut()) {
                return Uni.createFrom().item(Target.nowhere("the citizen opted out"));
            }
            UUID id = n.complaintId();
            Uni<Map<UUID, Contact>> found = complaintIds.contains(id)
                    ? contactsOfPass
                    : contactOfOthers.computeIfAbsent(
                            id, other -> contacts.find(List.of(other)).memoize().indefinitely());
            return found.map(byId -> citizen(Optional.ofNullable(byId.get(id)), n));
        }

        /**
         * Whether the message may go to its address today, taking one of the address's places if so. If the places
         * cannot be counted (the database is away), the message goes: the cap guards against abuse, not outages.
         */
        Uni<Boolean> mayMessage(PendingNotification n, Target target) {
            Optional<String> key = caps.key(n, target.address());
            if (key.isEmpty()) {
                return Uni.createFrom().item(true);
            }
            Uni<Void> places = complaintIds.contains(n.complaintId())
                    ? placesOfPass
                    : caps.take(Map.of(key.get(), 1)).invoke(this::granted).replaceWithVoid();
            return places.map(v -> takeOne(key.get())).onFailure().recoverWithItem(failure -> {
                Log.warnf("Daily cap not counted, message sent: %s", failure.getMessage());
                return true;
            });
        }

        /** The message that took a place was not handed over: its place goes back. */
        void notHanded(PendingNotification n, Target target) {
            caps.key(n, target.address()).ifPresent(key -> {
                synchronized (this) {
                    left.merge(key, 1, Integer::sum);
                }
            });
        }

        String noPlace() {
            return caps.reason();
        }

        /** Gives back the places the pass took and did not use. */
        Uni<Void> end() {
            Map<String, Integer> unused;
            synchronized (this) {
                unused = new HashMap<>(left);
                unused.values().removeIf(count -> count <= 0);
            }
            return caps.giveBack(unused)
                    .onFailure()
                    .invoke(e -> Log.warnf("Unused places of the daily cap not given back: %s", e.getMessage()))
                    .onFailure()
                    .recoverWithNull();
        }

        /** One place per message of the pass that has an address, by the address's key. */
        private Map<String, Integer> wanted(Map<UUID, Contact> byId) {
            Map<String, Integer> wanted = new HashMap<>();
            for (PendingNotification n : citizens) {
                Target target = citizen(Optional.ofNullable(byId.get(n.complaintId())), n);
                if (!target.skipped()) {
                    caps.key(n, target.address()).ifPresent(key -> wanted.merge(key, 1, Integer::sum));
                }
            }
            return wanted;
        }

        private synchronized void granted(Map<String, Integer> places) {
            places.forEach((key, count) -> left.merge(key, count, Integer::sum));
        }

        private synchronized boolean takeOne(String key) {
            int places = left.getOrDefault(key, 0);
            if (places <= 0) {
                return false;
            }
            left.put(key, places - 1);
            return true;
        }
    }

    /**
     * Anyone but a citizen: a webhook goes to the configured URL of the recipient department, an enterprise's e-mail to
     * the address its event carries; nothing else here.
     */
    private Target configured(PendingNotification n) {
        if (n.channel() == NotificationChannel.WEBHOOK) {
            String url = webhooks.departments().get(n.recipient());
            return url == null ? Target.nowhere("no webhook configured") : Target.to(url, n.language());
        }
        if (n.recipientKind() == RecipientKind.ENTERPRISE && n.channel() == NotificationChannel.EMAIL) {
            String email = enterpriseEmail(n.eventData());
            return email == null ? Target.nowhere("the enterprise has no e-mail") : Target.to(email, n.language());
        }
        return Target.nowhere("nothing to deliver on " + n.channel());
    }

    /** {@code enterprise.email} of a {@code complaint.sent-to-enterprise.v1}; null when it has none. */
    private String enterpriseEmail(String eventData) {
        try {
            JsonNode email = json.readTree(eventData == null ? "{}" : eventData)
                    .path("enterprise")
                    .path("email");
            return email.isTextual() && !email.asText().isBlank() ? email.asText() : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event data is not JSON", e);
        }
    }

    /**
     * An anonymous report without contact details, or a contact without this channel's address, hears nothing. An
     * address its owner has not confirmed (given on the web or through Open311: anyone could have typed it) hears
     * only the receipt ({@link #RECEIPTS}), which carries the code that confirms it (issue 17, item 5).
     */
    private static Target citizen(Optional<Contact> contact, PendingNotification n) {
        if (contact.isEmpty()) {
            return Target.nowhere("no contact for this complaint");
        }
        boolean sms = n.channel() == NotificationChannel.SMS;
        Contact found = contact.get();
        String address = sms ? found.mobile() : found.email();
        if (address == null || address.isBlank()) {
            return Target.nowhere("the contact has no " + (sms ? "mobile" : "e-mail"));
        }
        String language = MessageTemplates.language(found.language());
        if (sms ? found.mobileConfirmed() : found.emailConfirmed()) {
            return Target.to(address, language);
        }
        if (!RECEIPTS.contains(n.template())) {
            return Target.nowhere("the citizen has not confirmed this " + (sms ? "mobile" : "e-mail") + " yet");
        }
        String code = sms ? found.mobileConfirmationCode() : found.emailConfirmationCode();
        return code == null
                ? Target.nowhere("no confirmation code for an unconfirmed address")
                : Target.unconfirmed(address, language, code);
    }
}
