package cn.jxquality.complaint.console;

import java.util.List;

/**
 * The case behind a complaint as case-service shows it to the signed-in user: the case and its audit trail, none yet
 * ({@code item} null: not opened, or not visible to this user), or {@code unavailable} when case-service could not
 * be asked; the rest of the page never depends on it.
 */
public record CaseFile(CaseServiceClient.CaseItem item, List<CaseServiceClient.CaseEvent> events, boolean unavailable) {

    static CaseFile none() {
        return new CaseFile(null, List.of(), false);
    }

    static CaseFile notAvailable() {
        return new CaseFile(null, List.of(), true);
    }
}
