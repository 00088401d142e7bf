package cn.jxquality.notify.routing;

import static cn.jxquality.notify.notification.NotificationChannel.EMAIL;
import static cn.jxquality.notify.notification.NotificationChannel.IN_APP;
import static cn.jxquality.notify.notification.NotificationChannel.SMS;
import static cn.jxquality.notify.notification.NotificationChannel.WEBHOOK;

import cn.jxquality.notify.notification.Addressee;
import cn.jxquality.notify.notification.RecipientKind;
import cn.jxquality.platform.messaging.InboundEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who hears what (DESIGN §6): citizens on receipt, acceptance or refusal, transfer, resolution and, once a resolved
 * case is closed, the follow-up survey; a reporter
 * on the reward steps that concern them (notified with the claim window, rejected, paid, expired); the
 * department on a new or transferred case and near a deadline; supervisors on overdue cases, on escalations past
 * their own deadline, on cases no routing rule could place, on risk alerts and on deadlines a new calendar moved.
 * A complaint sent to an ODR enterprise first (DESIGN §4) tells the citizen and the enterprise, the citizen again of a
 * settlement the enterprise reports and of its end, and of the complaint going on to the regulator. Citizens get
 * SMS and e-mail (each sent only if the contact has that address); departments their in-app inbox and,
 * if configured, their webhook; an enterprise its in-app inbox and the e-mail address of the ODR register.
 */
public final class Audience {

    private final Set<String> departmentsWithWebhook;

    public Audience(Set<String> departmentsWithWebhook) {
        this.departmentsWithWebhook = Set.copyOf(departmentsWithWebhook);
    }

    /** The recipients of an event; empty for types nobody needs to hear about. */
    public List<Addressee> of(InboundEvent event) {
        return switch (event.type()) {
            case "complaint.received.v1" -> received(event);
            case "complaint.sent-to-enterprise.v1" ->
                concat(citizen(event, "complaint-sent-to-enterprise-citizen"), enterprise(event));
            case "complaint.enterprise-responded.v1" ->
                flag(event, "settled") ? citizen(event, "odr-settled-citizen") : List.of();
            case "complaint.settlement-answered.v1" ->
                flag(event, "accepted") ? citizen(event, "odr-closed-citizen") : List.of();
            case "case.assigned.v1" -> department(event, "case-assigned-department");
            case "case.accepted.v1" -> citizen(event, "case-accepted-citizen");
            case "case.refused.v1" -> citizen(event, "case-refused-citizen");
            case "case.transferred.v1" ->
                concat(citizen(event, "case-transferred-citizen"), department(event, "case-transferred-department"));
            case "case.resolved.v1" -> citizen(event, "case-resolved-citizen");
            case "case.closed.v1" -> closed(event);
            case "case.deadline-near.v1" ->
                event.optionalText("departmentCode") == null
                        ? supervisors("case-deadline-near-supervisor") // still in triage: theirs to place in time
                        : department(event, "case-deadline-near-department");
            case "case.overdue.v1" -> supervisors("case-overdue-supervisor");
            case "case.triage-needed.v1" -> supervisors("case-triage-supervisor");
            case "case.escalation-overdue.v1" -> supervisors("case-escalation-overdue-supervisor");
            case "case.risk-alert.v1" -> supervisors("risk-alert-supervisor");
            case "case.deadlines-moved.v1" -> supervisors("deadlines-moved-supervisor");
            case "reward.notified.v1" -> citizen(event, "reward-notified-citizen");
            case "reward.rejected.v1" -> citizen(event, "reward-rejected-citizen");
            case "reward.paid.v1" -> citizen(event, "reward-paid-citizen");
            case "reward.expired.v1" -> citizen(event, "reward-expired-citizen");
            default -> List.of();
        };
    }

    /**
     * A complaint that went to an ODR enterprise first and was not settled there reaches the regulator now: its
     * citizen had the receipt when it was sent to the enterprise, and hears why it goes on instead.
     */
    private static List<Addressee> received(InboundEvent event) {
        JsonNode odr = event.data().get("odr");
        boolean afterOdr = odr != null && !odr.isNull();
        return citizen(event, afterOdr ? "complaint-escalated-citizen" : "complaint-received-citizen");
    }

    /**
     * The ODR enterprise (by credit code): its in-app inbox and, when the register has one, its e-mail address, which
     * the event carries (a business's channel, not personal data) and the send reads from the stored event.
     */
    private static List<Addressee> enterprise(InboundEvent event) {
        JsonNode enterprise = event.data().path("enterprise");
        JsonNode creditCode = enterprise.path("creditCode");
        if (!creditCode.isTextual() || creditCode.asText().isBlank()) {
            throw new IllegalArgumentException("event " + event.type() + " lacks enterprise.creditCode");
        }
        String template = "odr-complaint-enterprise";
        List<Addressee> to = new ArrayList<>();
        to.add(new Addressee(RecipientKind.ENTERPRISE, creditCode.asText(), IN_APP, template));
        JsonNode email = enterprise.path("email");
        if (email.isTextual() && !email.asText().isBlank()) {
            to.add(new Addressee(RecipientKind.ENTERPRISE, creditCode.asText(), EMAIL, template));
        }
        return to;
    }

    /** A required boolean of the data; an event without it is malformed. */
    private static boolean flag(InboundEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || !node.isBoolean()) {
            throw new IllegalArgumentException("event " + event.type() + " lacks boolean field " + field);
        }
        return node.booleanValue();
    }

    /**
     * The follow-up survey (回访) goes out when a resolved case is closed: only such a case carries an outcome; one
     * closed after a refusal has none, and its citizen was told of the refusal already.
     */
    private static List<Addressee> closed(InboundEvent event) {
        return event.optionalText("outcome") == null ? List.of() : citizen(event, "follow-up-survey-citizen");
    }

    private static List<Addressee> citizen(InboundEvent event, String template) {
        String citizen = Addressee.citizen(event.text("complaintId"));
        return List.of(
                new Addressee(RecipientKind.CITIZEN, citizen, SMS, template),
                new Addressee(RecipientKind.CITIZEN, citizen, EMAIL, template));
    }

    /** A case sent back to triage names no department: nobody to tell yet. */
    private List<Addressee> department(InboundEvent event, String template) {
        String department = event.optionalText("departmentCode");
        if (department == null) {
            return List.of();
        }
        List<Addressee> to = new ArrayList<>();
        to.add(new Addressee(RecipientKind.DEPARTMENT, department, IN_APP, template));
        if (departmentsWithWebhook.contains(department)) {
            to.add(new Addressee(RecipientKind.DEPARTMENT, department, WEBHOOK, template));
        }
        return to;
    }

    /**
     * The supervisors' shared in-app inbox: overdue cases and escalations (督办), unroutable ones, risk alerts, moved
     * deadlines.
     */
    private static List<Addressee> supervisors(String template) {
        return List.of(new Addressee(RecipientKind.SUPERVISOR, Addressee.SUPERVISORS, IN_APP, template));
    }

    private static List<Addressee> concat(List<Addressee> first, List<Addressee> second) {
        List<Addressee> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
