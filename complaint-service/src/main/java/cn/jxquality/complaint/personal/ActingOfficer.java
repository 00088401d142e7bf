package cn.jxquality.complaint.personal;

import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The reward officer a service reads a reporter's identity for, taken from the officer's own access token that the
 * service passes on ({@value #HEADER}), never from a name the service sends: the token is verified like any bearer
 * token of this service (signature, expiry, audience), and it must be a person's, holding a reward role.
 */
@ApplicationScoped
public class ActingOfficer {

    public static final String HEADER = "X-Acting-User";

    /** The roles case-service lets see a reporter's identity (its {@code /rewards/{id}/reporter-identity}). */
    static final Set<String> REWARD_ROLES = Set.of("reward-reviewer", "reward-approver", "finance");

    private static final String SERVICE_ACCOUNT = "service-account-";

    private final TenantIdentityProvider tokens;

    ActingOfficer(TenantIdentityProvider tokens) {
        this.tokens = tokens;
    }

    /** The officer's username; 400 without a token, 403 when it is not valid or not a reward officer's. */
    public Uni<String> of(String token) {
        if (token == null || token.isBlank()) {
            throw ProblemException.invalid(HEADER, "must carry the access token of the reward officer who asked");
        }
        return tokens.authenticate(new AccessTokenCredential(token.strip()))
                .onFailure()
                .transform(failure -> refused("is not a valid token of this realm"))
                .map(officer -> {
                    String name = officer.getPrincipal().getName();
                    if (name.startsWith(SERVICE_ACCOUNT) || !holdsRewardRole(officer)) {
                        throw refused("is not a reward officer's token");
                    }
                    return name;
                });
    }

    private static boolean holdsRewardRole(SecurityIdentity officer) {
        return REWARD_ROLES.stream().anyMatch(officer::hasRole);
    }

    private static ProblemException refused(String why) {
        return ProblemException.forbidden(HEADER + " " + why + ".");
    }
}
