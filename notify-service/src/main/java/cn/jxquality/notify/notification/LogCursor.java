package cn.jxquality.notify.notification;

import cn.jxquality.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/** Where a page of the log or of an inbox ended: the last row's (createdAt, id), opaque to clients. */
public record LogCursor(Instant createdAt, UUID id) {

    public static LogCursor after(Notification last) {
        return new LogCursor(last.createdAt, last.id);
    }

    public String encode() {
        String plain = createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for a first page; a cursor this service did not hand out is a 400 naming {@code after}. */
    public static LogCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            return new LogCursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw ProblemException.invalid("after", "is not a cursor from a previous page (use its next)");
        }
    }
}
