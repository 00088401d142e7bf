package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.FieldErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A reviewer's reward proposal as the form posts it: the level, whether the reporter is a natural person and an
 * insider, the exclusions declared, a note; turned into case-service's proposal. Case-service decides eligibility and
 * the amount; here only what cannot be sent at all is refused.
 */
public class ProposalForm {

    @RestForm
    public String level;

    @RestForm
    public String naturalPerson = "true";

    @RestForm
    public String insider;

    @RestForm
    public List<String> exclusions = new ArrayList<>();

    @RestForm
    public String note;

    /** Whether {@code exclusion} was ticked (the form shown again keeps the reviewer's choices). */
    public boolean excluded(String exclusion) {
        return exclusions != null && exclusions.contains(exclusion);
    }

    Map<String, Object> body(UUID caseId, FieldErrors errors) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        Integer chosen = level == null
                ? null
                : RewardsConsole.LEVELS.stream()
                        .filter(l -> Integer.toString(l).equals(level.strip()))
                        .findFirst()
                        .orElse(null);
        if (chosen == null) {
            errors.add(new FieldErrors.Problem("level", FieldErrors.Kind.CHOICE));
        }
        body.put("level", chosen);
        body.put("naturalPerson", !"false".equals(naturalPerson));
        body.put("insider", "true".equals(insider));
        List<String> declared = exclusions == null ? List.of() : exclusions;
        if (!RewardsConsole.EXCLUSIONS.containsAll(declared)) {
            errors.add(new FieldErrors.Problem("exclusions", FieldErrors.Kind.CHOICE));
        }
        body.put("exclusions", declared);
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        return body;
    }
}
