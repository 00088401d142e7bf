package cn.jxquality.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.notify.channel.DeliveryFailure;
import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which SMTP failures are final: a 5xx reply is, a 4xx reply or an unreachable server is not. */
class EmailSenderTest {

    static SMTPException reply(int code, String text) {
        return new SMTPException("RCPT TO failed", code, List.of(code + " " + text), false);
    }

    @Test
    void aMailboxThatDoesNotExistIsNotTriedAgain() {
        DeliveryFailure failure = EmailSender.classify(reply(550, "5.1.1 <zhang.san@example.cn>: mailbox unavailable"));
        assertTrue(failure.permanent());
        assertEquals("SMTP server answered 550", failure.getMessage()); // the address the server quoted stays out
    }

    @Test
    void aGreylistingServerIsTriedAgainEvenWhenItsRefusalComesWrapped() {
        DeliveryFailure failure =
                EmailSender.classify(new CompletionException(reply(451, "4.7.1 greylisted, try later")));
        assertFalse(failure.permanent());
        assertEquals("SMTP server answered 451", failure.getMessage());
    }

    @Test
    void anUnreachableServerIsTriedAgain() {
        assertFalse(
                EmailSender.classify(new ConnectException("Connection refused")).permanent());
    }
}
