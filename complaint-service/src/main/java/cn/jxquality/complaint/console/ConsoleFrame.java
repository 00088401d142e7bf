package cn.jxquality.complaint.console;

import cn.jxquality.complaint.page.Page;
import cn.jxquality.complaint.page.PageContext;
import cn.jxquality.complaint.page.Staff;
import cn.jxquality.complaint.page.Texts;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The console's frame for the signed-in member of staff: their name and a menu of the pages their roles open, and
 * their access token for the calls the console makes to case-service on their behalf.
 */
@RequestScoped
public class ConsoleFrame {

    /** The console's pages; each opens to the roles named (none: every signed-in member of staff). */
    public enum Entry {
        HOME("/console", Set.of()),
        DASHBOARD("/console/dashboard", Set.of("supervisor")),
        QUEUES("/console/queues/triage", Set.of("supervisor")),
        INTAKE("/console/intake", Set.of("operator")),
        SEARCH("/console/search", Set.of("operator", "supervisor")),
        CASES("/console/cases", Set.of("department", "supervisor")),
        REWARDS("/console/rewards", Set.of("reward-reviewer", "reward-approver", "finance", "supervisor", "auditor")),
        AUDIT("/console/audit", Set.of("auditor")),
        EXPORTS("/console/exports", Set.of("supervisor", "auditor")),
        ENTERPRISE("/console/enterprise", Set.of("enterprise"));

        private final String href;
        private final Set<String> roles;

        Entry(String href, Set<String> roles) {
            this.href = href;
            this.roles = roles;
        }

        public String href() {
            return href;
        }

        boolean opensTo(SecurityIdentity identity) {
            return roles.isEmpty() || roles.stream().anyMatch(identity::hasRole);
        }
    }

    private final SecurityIdentity identity;
    private final PageContext context;
    private final Texts texts;

    ConsoleFrame(SecurityIdentity identity, PageContext context, Texts texts) {
        this.identity = identity;
        this.context = context;
        this.texts = texts;
    }

    /** The frame of a console page, {@code current} marked in the menu. */
    public Page page(Entry current) {
        ConsoleMessages words = texts.bundle(ConsoleMessages.class, context.language());
        List<Staff.MenuItem> menu = Arrays.stream(Entry.values())
                .filter(entry -> entry.opensTo(identity))
                .map(entry -> new Staff.MenuItem(entry.href(), words.menu(entry), entry == current))
                .toList();
        return context.page(new Staff(displayName(), menu));
    }

    /** The pages this member of staff may open, for the home page. */
    public List<Entry> entries() {
        return Arrays.stream(Entry.values())
                .filter(entry -> entry != Entry.HOME && entry.opensTo(identity))
                .toList();
    }

    /** The user name recorded as actor (audits, submitted-by). */
    public String userName() {
        return identity.getPrincipal().getName();
    }

    /** {@code Bearer <access token>} of the signed-in user, for case-service. */
    public String bearer() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return token == null ? null : "Bearer " + token.getToken();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    private String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object name = jwt.getClaim("name");
            if (name != null && !name.toString().isBlank()) {
                return name.toString();
            }
        }
        return identity.getPrincipal().getName();
    }
}
