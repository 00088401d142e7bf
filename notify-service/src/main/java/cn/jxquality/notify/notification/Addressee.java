package cn.jxquality.notify.notification;

/** One recipient on one channel with the template that speaks to them. */
public record Addressee(RecipientKind kind, String recipient, NotificationChannel channel, String template) {

    /** The recipient key of a complaint's citizen: a reference, never a phone number or address. */
    public static String citizen(String complaintId) {
        return "citizen:" + complaintId;
    }

    /** The recipient key of the provincial supervisors' shared inbox. */
    public static final String SUPERVISORS = "supervisor";
}
