package cn.jxquality.cases.casefile;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is asking and what they may see: supervisors and auditors see every case, a department only the
 * cases assigned to the {@code department_code} in its token; hotline operators read every case (to tell callers
 * where their complaint stands) but change none.
 */
public record Caller(String name, String role, Optional<String> departmentCode) {

    public static final String DEPARTMENT_CLAIM = "department_code";

    /** What the service does on its own (routing, deadlines, follow-up ratings) is recorded as the system's. */
    public static final Caller SYSTEM = new Caller(CaseEvent.SYSTEM, CaseEvent.SYSTEM, Optional.empty());

    public static Caller of(SecurityIdentity identity) {
        String role = identity.hasRole("supervisor")
                ? "supervisor"
                : identity.hasRole("auditor")
                        ? "auditor"
                        : identity.hasRole("department")
                                ? "department"
                                : identity.hasRole("operator") ? "operator" : "none";
        Optional<String> department = Optional.empty();
        if ("department".equals(role) && identity.getPrincipal() instanceof JsonWebToken jwt) {
            department = Optional.ofNullable(jwt.<String>getClaim(DEPARTMENT_CLAIM));
        }
        return new Caller(identity.getPrincipal().getName(), role, department);
    }

    /** A department caller whose token lacks the claim sees nothing rather than everything. */
    public boolean seesAllDepartments() {
        return "supervisor".equals(role) || "auditor".equals(role) || "operator".equals(role);
    }

    public boolean mayView(CaseFile file) {
        return seesAllDepartments()
                || departmentCode.isPresent() && departmentCode.get().equals(file.departmentCode);
    }
}
