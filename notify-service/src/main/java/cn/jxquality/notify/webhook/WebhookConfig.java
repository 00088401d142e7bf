package cn.jxquality.notify.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Departments' own systems that want case notices pushed to them, and the key the pushes are signed with. */
@ConfigMapping(prefix = "notify.webhook")
public interface WebhookConfig {

    /**
     * The master key ({@code WEBHOOK_KEY}) each department's signing key is derived from
     * ({@link WebhookSignature#departmentKey}); without one no webhook is recorded or sent.
     */
    Optional<String> key();

    /**
     * The id of {@link #key()} ({@code WEBHOOK_KEY_ID}), sent with every push as {@code X-Signature-Key-Id}: after a
     * rotation each department's system knows which of its two keys to check the signature with.
     */
    @WithDefault("v1")
    String keyId();

    /** Webhook URL by department code, e.g. {@code notify.webhook.departments."360100-AMR"=https://…}. */
    Map<String, String> departments();

    /**
     * Lets webhooks go over plain http and to internal addresses (loopback, private, link-local): for development and
     * tests only; in production a department's URL is https to an outside address ({@link WebhookTargets}).
     */
    @WithDefault("false")
    boolean allowLocalTargets();

    /** How long to wait for a department's system before the try counts as failed (and is retried). */
    @WithDefault("5S")
    Duration timeout();
}
