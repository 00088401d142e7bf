package cn.jxquality.notify.delivery;

import cn.jxquality.notify.channel.DeliveryChannel;
import cn.jxquality.notify.channel.DeliveryFailure;
import cn.jxquality.notify.channel.OutgoingMessage;
import cn.jxquality.notify.notification.NotificationChannel;
import cn.jxquality.notify.notification.RecipientKind;
import cn.jxquality.notify.notification.Recipients;
import cn.jxquality.notify.optout.OptOuts;
import cn.jxquality.notify.sms.QuietHours;
import cn.jxquality.notify.sms.SmsConfig;
import cn.jxquality.notify.template.MessageTemplates;
import cn.jxquality.notify.template.PublicSite;
import cn.jxquality.platform.problem.Outage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One try of one leased notification: defer, skip, send, schedule a retry, or give up to the DLQ. */
@ApplicationScoped
public class DeliveryAttempt {

    private final DeliveryLedger ledger;
    private final MessageTemplates templates;
    private final OptOuts optOuts;
    private final PublicSite publicSite;
    private final DeadLetters deadLetters;
    private final Map<NotificationChannel, DeliveryChannel> channels = new EnumMap<>(NotificationChannel.class);
    /** Channels whose last delivery here failed; the next that succeeds makes its waiting retries due. */
    private final Set<NotificationChannel> failing = ConcurrentHashMap.newKeySet();
    /** When each channel last took a message here. */
    private final Map<NotificationChannel, Instant> lastTaken = new ConcurrentHashMap<>();

    private final QuietHours quietHours;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration outageWait;
    private final Clock clock;
    private final ObjectMapper json;

    DeliveryAttempt(
            DeliveryLedger ledger,
            MessageTemplates templates,
            OptOuts optOuts,
            PublicSite publicSite,
            DeadLetters deadLetters,
            Instance<DeliveryChannel> channels,
            SmsConfig sms,
            DeliveryConfig config,
            Clock clock,
            ObjectMapper json) {
        this.ledger = ledger;
        this.templates = templates;
        this.optOuts = optOuts;
        this.publicSite = publicSite;
        this.deadLetters = deadLetters;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.quietHours = new QuietHours(sms.quietFrom(), sms.quietUntil(), sms.zone());
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff(), new Random());
        this.maxAttempts = config.maxAttempts();
        this.outageWait = config.outageWait();
        this.clock = clock;
        this.json = json;
    }

    /** Whether {@link #run} at {@code now} asks where the notice goes: not when it was given up or is deferred. */
    boolean looksUp(PendingNotification n, Instant now) {
        return !givenUp(n) && quietUntil(n, now).isEmpty();
    }

    private boolean givenUp(PendingNotification n) {
        return n.givenUp() || n.attempts() >= maxAttempts;
    }

    private Optional<Instant> quietUntil(PendingNotification n, Instant now) {
        return n.channel() == NotificationChannel.SMS ? quietHours.deferUntil(now) : Optional.empty();
    }

    Uni<Void> run(PendingNotification n, Targets.Pass lookups) {
        if (givenUp(n)) {
            // given up before, but the DLQ record was not acknowledged: publish it again, never send again
            return giveUp(n, n.attempts(), n.lastError());
        }
        Optional<Instant> quietUntil = quietUntil(n, clock.instant());
        if (quietUntil.isPresent()) {
            Log.infof("SMS on %s deferred to %s (quiet hours)", n.trackingNumber(), quietUntil.get());
            return ledger.defer(n.id(), quietUntil.get());
        }
        return lookups.of(n)
                .map(target -> target.skipped() ? Ready.nowhere(target) : new Ready(target, render(n, target)))
                .onItemOrFailure()
                .transformToUni((ready, failure) -> {
                    if (failure != null && Outage.is(failure)) { // complaint-service away: not the notice's fault
                        return waitOut(n, failure);
                    }
                    if (failure != null) { // the contact look-up or the rendering failed: retried like a failed send
                        return failed(n, failure, n.inDoubt(), false);
                    }
                    return ready.target().skipped() ? skip(n, ready.target().skipReason()) : send(n, ready, lookups);
                });
    }

    /**
     * Where the message goes and what it says, or why it goes nowhere. Only the look-up and the delivery count as
     * tries: a failure to record the outcome or to publish the dead letter fails the attempt, and the row keeps its
     * lease until it runs out, so a dead letter that was not acknowledged is published again, never sent again.
     */
    private record Ready(Target target, OutgoingMessage message) {
        static Ready nowhere(Target target) {
            return new Ready(target, null);
        }
    }

    private Uni<Void> skip(PendingNotification n, String reason) {
        Log.infof("%s on %s to %s not sent: %s", n.channel(), n.trackingNumber(), mask(n), reason);
        return ledger.skip(n.id(), reason);
    }

    /**
     * Hands the message to its channel and marks it sent. A message whose earlier try ended without an outcome (in
     * doubt: its dispatcher died between the hand-over and the sent mark) is first looked up at the other side; if it
     * is there, it is only marked sent, not sent again.
     */
    private Uni<Void> send(PendingNotification n, Ready ready, Targets.Pass lookups) {
        return lookups.mayMessage(n, ready.target())
                .flatMap(place -> place ? hand(n, ready, lookups) : skip(n, lookups.noPlace()));
    }

    /** {@link #send}, once the message's address had a place today (the daily cap, {@link AddressCaps}). */
    private Uni<Void> hand(PendingNotification n, Ready ready, Targets.Pass lookups) {
        Target target = ready.target();
        OutgoingMessage message = ready.message();
        DeliveryChannel channel = channels.get(n.channel());
        Instant began = clock.instant();
        return Uni.createFrom()
                .deferred(() -> n.inDoubt()
                        ? alreadyTaken(channel, message)
                        : Uni.createFrom().item(false))
                .flatMap(taken -> taken ? Uni.createFrom().voidItem() : channel.deliver(message))
                .onItemOrFailure()
                .transformToUni((ok, failure) -> {
                    if (failure != null) {
                        failing.add(n.channel());
                        boolean mayHaveArrived = DeliveryFailure.mayHaveArrived(failure);
                        if (!mayHaveArrived) {
                            lookups.notHanded(n, target);
                        }
                        return failed(n, failure, mayHaveArrived, tookSince(n, began));
                    }
                    lastTaken.put(n.channel(), clock.instant());
                    Uni<Void> sent =
                            ledger.sent(n.id(), clock.instant(), target.language(), message.subject(), message.body());
                    return failing.remove(n.channel()) ? sent.flatMap(v -> channelBack(n.channel())) : sent;
                });
    }

    /** Whether the other side holds the message; if it cannot say, the message stays in doubt for the next try. */
    private static Uni<Boolean> alreadyTaken(DeliveryChannel channel, OutgoingMessage message) {
        return channel.alreadyTaken(message)
                .onFailure()
                .transform(e -> DeliveryFailure.answerLost("asking whether it was taken: " + e.getMessage(), e));
    }

    /**
     * The channel took a message after failing: the notices that wait to try it again, some of them minutes away by
     * their backoff, are due now, so a gateway's outage ends for the citizens when it ends, not a backoff later.
     */
    private Uni<Void> channelBack(NotificationChannel channel) {
        return ledger.retryNow(channel, clock.instant())
                .invoke(due -> {
                    if (due > 0) {
                        Log.infof("%s takes messages again: %d notices waiting to try again are due now", channel, due);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * complaint-service could not say where the notice goes (restarting, overloaded, unreachable): the notice waits and
     * asks again, without a try counted, as long as that lasts. Only a channel's refusals and the look-up's own errors
     * use up its tries; an outage of our own service must not leave citizens' notices FAILED.
     */
    private Uni<Void> waitOut(PendingNotification n, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Log.debugf("%s on %s waits for complaint-service: %s", n.channel(), n.trackingNumber(), reason);
        return ledger.waitOut(
                n.id(), "contact look-up: " + reason, clock.instant().plus(outageWait));
    }

    /** Whether the notice's channel took a message here after {@code began}. */
    private boolean tookSince(PendingNotification n, Instant began) {
        Instant taken = lastTaken.get(n.channel());
        return taken != null && taken.isAfter(began);
    }

    /**
     * A failed try: retried after its backoff, or given up. {@code inDoubt}: its message may have gone out.
     * {@code channelBack}: the channel took another message while this try waited on it, so the outage that failed
     * this try has ended (the notices waiting for it were made due already): retried after the first backoff, not
     * the grown one (scenario 6 of RELIABILITY.md: such notices trailed the recovery by a minute).
     */
    private Uni<Void> failed(PendingNotification n, Throwable failure, boolean inDoubt, boolean channelBack) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int tries = n.attempts() + 1;
        if (DeliveryFailure.isPermanent(failure) || tries >= maxAttempts) {
            return ledger.lastTry(n.id(), reason, clock.instant()).flatMap(v -> giveUp(n, tries, reason));
        }
        Instant next = clock.instant().plus(backoff.after(channelBack ? 1 : tries));
        Log.infof(
                "%s on %s to %s failed (try %d), retrying at %s: %s",
                n.channel(), n.trackingNumber(), mask(n), tries, next, reason);
        return ledger.retry(n.id(), reason, next, inDoubt);
    }

    /** Published first, marked FAILED after the broker's ack: a crash in between re-publishes, never loses. */
    private Uni<Void> giveUp(PendingNotification n, int tries, String reason) {
        NotificationFailed failed = new NotificationFailed(
                n.id(),
                n.eventId(),
                n.eventType(),
                n.complaintId(),
                n.trackingNumber(),
                n.channel(),
                mask(n),
                n.recipientKind(),
                n.template(),
                tries,
                reason,
                clock.instant());
        Log.warnf("%s on %s to %s FAILED after %d tries: %s", n.channel(), n.trackingNumber(), mask(n), tries, reason);
        return deadLetters.publish(failed).flatMap(v -> ledger.fail(n.id()));
    }

    private OutgoingMessage render(PendingNotification n, Target target) {
        JsonNode event = readEvent(n.eventData());
        Map<String, Object> data = new HashMap<>();
        data.put("event", json.convertValue(event, Map.class));
        data.put("publicUrl", publicSite.baseUrl()); // citizens' pages; an enterprise's console
        if (n.recipientKind() == RecipientKind.CITIZEN) {
            data.put("optOutCode", optOuts.codeFor(n.trackingNumber()));
            data.put("optOutUrl", optOuts.pageUrl());
            // null once the address is confirmed: only an unconfirmed address's receipt asks for it
            data.put("confirmCode", target.confirmationCode());
            data.put("confirmUrl", publicSite.baseUrl() + "/confirm-contact");
            data.put("confirmMedium", n.channel() == NotificationChannel.EMAIL ? "EMAIL" : "SMS");
        }
        String body = templates.body(n.template(), target.language(), data);
        String subject = n.channel() == NotificationChannel.EMAIL
                ? templates.subject(n.template(), target.language(), data)
                : null;
        return new OutgoingMessage(
                n.id(),
                n.eventId(),
                n.eventType(),
                n.trackingNumber(),
                n.recipient(),
                target.address(),
                MessageTemplates.language(target.language()),
                subject,
                body,
                event);
    }

    private JsonNode readEvent(String eventData) {
        try {
            return json.readTree(eventData == null ? "{}" : eventData);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event data is not JSON", e);
        }
    }

    private static String mask(PendingNotification n) {
        return Recipients.mask(n.recipient(), n.recipientKind());
    }
}
