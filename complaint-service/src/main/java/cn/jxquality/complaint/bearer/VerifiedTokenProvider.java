package cn.jxquality.complaint.bearer;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token verified before from {@link VerifiedTokens}, ahead of OIDC's own provider,
 * which gets every other token; {@link VerifiedTokenRecorder} keeps what OIDC verified.
 */
@ApplicationScoped
public class VerifiedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    VerifiedTokenProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Above OIDC's provider, which keeps the default priority. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity known = tokens.find(request.getToken().getToken());
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        // the identity OIDC made carries the request it was made for; this one is another
        RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(known)
                        .addAttribute(RoutingContext.class.getName(), current)
                        .build());
    }
}
