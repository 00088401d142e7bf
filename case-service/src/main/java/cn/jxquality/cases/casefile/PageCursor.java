package cn.jxquality.cases.casefile;

import cn.jxquality.platform.problem.ClientTime;
import cn.jxquality.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The position after the last row of a page: its received time and id, opaque to clients. */
record PageCursor(Instant receivedAt, UUID id) {

    String encode() {
        String raw = receivedAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            Instant receivedAt = Instant.parse(raw.substring(0, bar));
            if (!ClientTime.inRange(receivedAt)) {
                throw new IllegalArgumentException("out of range");
            }
            return new PageCursor(receivedAt, UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("after", "is not a cursor this API issued");
        }
    }
}
