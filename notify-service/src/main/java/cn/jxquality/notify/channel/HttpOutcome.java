package cn.jxquality.notify.channel;

import io.netty.channel.ConnectTimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import java.net.ConnectException;

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

    /**
     * A connection refused, a reset or a timeout: the other side may be back later. Only a connection that could not
     * be made says the request did not arrive; after a timeout or a broken connection it may have.
     */
    public static DeliveryFailure unreachable(String what, Throwable cause) {
        if (cause instanceof DeliveryFailure failure) {
            return failure;
        }
        String reason = what + " unreachable: " + cause.getClass().getSimpleName();
        return notConnected(cause)
                ? DeliveryFailure.transientFailure(reason, cause)
                : DeliveryFailure.answerLost(reason, cause);
    }

    private static boolean notConnected(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof ConnectTimeoutException;
    }

    static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
