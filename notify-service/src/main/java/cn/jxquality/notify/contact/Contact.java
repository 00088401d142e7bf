package cn.jxquality.notify.contact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** A complainant's contact as complaint-service answers it at send time; held in memory only, never stored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(
        UUID complaintId,
        String name,
        String mobile,
        String email,
        String language,
        boolean anonymous,
        boolean mobileConfirmed,
        boolean emailConfirmed,
        String mobileConfirmationCode,
        String emailConfirmationCode) {

    @Override
    public String toString() {
        return "Contact[" + complaintId + "]"; // never the personal fields, not even in a debug log
    }
}
