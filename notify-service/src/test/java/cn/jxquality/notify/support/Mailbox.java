package cn.jxquality.notify.support;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** The mails GreenMail received for one address. */
public final class Mailbox {

    private Mailbox() {}

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(ThirdParties.greenMail().getReceivedMessages())
                .filter(m -> addressedTo(m, address))
                .toList();
    }

    /** The one mail, or null while there is none (or, wrongly, more than one). */
    public static MimeMessage only(List<MimeMessage> mails) {
        return mails.size() == 1 ? mails.get(0) : null;
    }

    private static boolean addressedTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            return false;
        }
    }
}
