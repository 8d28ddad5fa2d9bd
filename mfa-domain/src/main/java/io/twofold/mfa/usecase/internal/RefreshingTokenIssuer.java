package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.RefreshFamily;
import io.twofold.mfa.model.RefreshFamilyId;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.policy.OfflineAccess;
import io.twofold.mfa.port.out.ClientRegistry;
import io.twofold.mfa.port.out.MachineTokenRequest;
import io.twofold.mfa.port.out.RefreshTokenStore;
import io.twofold.mfa.port.out.ResourceServerStore;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The token issuer as the login grants see it: the host's issuer, plus a refresh token (a new family)
 * when the login earns one ({@link OfflineAccess}). A decorator rather than a step in each grant, so
 * every grant that ends a user's login (password, mfa-otp, mfa-oob, mfa-recovery-code) gets the rule
 * from one place. Like signing, it runs after the grant's unit of work committed: a completion that
 * rolled back leaves no refresh token behind.
 */
public final class RefreshingTokenIssuer implements TokenIssuer {
    private final TokenIssuer issuer;
    private final RefreshTokenStore store;
    private final ClientRegistry clients;
    private final SecretGenerator secrets;
    private final Option<ResourceServerStore> apis;

    /** @param apis the registered APIs, whose {@code allow_offline_access} decides; none: every audience may */
    public RefreshingTokenIssuer(TokenIssuer issuer, RefreshTokenStore store, ClientRegistry clients,
                                 SecretGenerator secrets, Option<ResourceServerStore> apis) {
        this.issuer = issuer;
        this.store = store;
        this.clients = clients;
        this.secrets = secrets;
        this.apis = apis;
    }

    @Override
    public IssuedTokens issue(TokenRequest request) {
        IssuedTokens issued = issuer.issue(request);
        Option<Client> client = clients.find(request.clientId())
                .filter(c -> OfflineAccess.earnsRefreshToken(c, request.scope()))
                .filter(c -> apis.forAll(registered -> OfflineAccess.apiAllows(request.audience(),
                        request.audience().flatMap(registered::findByIdentifier))));
        return client.isEmpty() ? issued : issued.withRefreshToken(Option.some(open(client.get(), request)));
    }

    /** A new family with its first token (32 random bytes, base64url), stored only as its hash. */
    private String open(Client client, TokenRequest request) {
        String token = secrets.opaqueToken();
        store.open(RefreshFamily.open(new RefreshFamilyId(secrets.internalId()), request.user().id(), client.id(),
                request.audience(), request.scope(), request.mfaPassed(), request.at(), client.refreshTokens()),
                SecretHash.of(token));
        return token;
    }

    @Override
    public String mfaApiAudience() {
        return issuer.mfaApiAudience();
    }

    @Override
    public Either<String, AccessTokenClaims> verifyMfaApiToken(String bearer) {
        return issuer.verifyMfaApiToken(bearer);
    }

    @Override
    public Either<String, AccessTokenClaims> verifyAccessToken(String bearer) {
        return issuer.verifyAccessToken(bearer);
    }

    // Forwarded, not left to the port's defaults: the password login refuses user logins for the
    // Management API audience by asking this issuer for it.
    @Override
    public String managementApiAudience() {
        return issuer.managementApiAudience();
    }

    @Override
    public IssuedTokens issueForClient(MachineTokenRequest request) {
        return issuer.issueForClient(request);
    }

    @Override
    public boolean looksLikeAccessToken(String bearer) {
        return issuer.looksLikeAccessToken(bearer);
    }
}
