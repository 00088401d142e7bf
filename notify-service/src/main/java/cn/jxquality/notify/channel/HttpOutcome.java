package cn.jxquality.notify.channel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/** How an HTTP answer of a gateway or webhook counts: 2xx accepted, 408/429/5xx retried, other 4xx final. */
public final class HttpOutcome {

    private HttpOutcome() {}

    /** Turns the response into success or a {@link DeliveryFailure}. */
    public static Uni<Void> of(String what, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Uni.createFrom().voidItem();
        }
        String reason = what + " answered " + status;
        return Uni.createFrom()
                .failure(
                        retryable(status)
                                ? DeliveryFailure.transientFailure(reason, null)
                                : DeliveryFailure.permanent(reason));
    }

    /** A connection refused, a reset or a timeout: the other side may be back later. */
    public static DeliveryFailure unreachable(String what, Throwable cause) {
        if (cause instanceof DeliveryFailure failure) {
            return failure;
        }
        return DeliveryFailure.transientFailure(
                what + " unreachable: " + cause.getClass().getSimpleName(), cause);
    }

    static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
