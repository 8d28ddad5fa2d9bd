package io.twofold.mfa.fake;

import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.out.MachineTokenRequest;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.TokenIssuer;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TokenIssuer} issuing opaque tokens ({@code at.1}, {@code at.2}, ...) whose claims it
 * remembers, so a test can issue an MFA API token and present it back as a bearer.
 */
public final class FakeTokenIssuer implements TokenIssuer {

    public static final long MFA_API_LIFETIME_SECONDS = 600;
    public static final long DEFAULT_LIFETIME_SECONDS = 86_400;
    private static final String PREFIX = "at.";

    /** What this issuer remembers about a token it issued. */
    public record Issued(String accessToken, UserId user, ClientId client, Option<String> audience, Scope scope,
                         boolean mfaPassed, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[***, " + user + ", " + client + ", " + audience + ", " + scope + "]";
        }
    }

    private final Clock clock;
    private final String issuer;
    private final AtomicLong counter = new AtomicLong();
    private final ConcurrentMap<String, Issued> byToken = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<MachineTokenRequest> machineRequests = new CopyOnWriteArrayList<>();

    public FakeTokenIssuer(Clock clock, String issuer) {
        this.clock = clock;
        this.issuer = issuer.endsWith("/") ? issuer : issuer + "/";
    }

    @Override
    public IssuedTokens issue(TokenRequest request) {
        requests.add(request);
        long n = counter.incrementAndGet();
        boolean mfaApi = request.audience().contains(mfaApiAudience());
        long lifetime = mfaApi ? MFA_API_LIFETIME_SECONDS : DEFAULT_LIFETIME_SECONDS;
        String accessToken = PREFIX + n;
        byToken.put(accessToken, new Issued(accessToken, request.user().id(), request.clientId(), request.audience(),
                request.scope(), request.mfaPassed(), clock.instant().plusSeconds(lifetime)));
        Option<String> idToken = request.scope().contains("openid") ? Option.some("id." + n) : Option.none();
        return new IssuedTokens(accessToken, idToken, lifetime, request.scope(), "Bearer");
    }

    /** Machine tokens: {@code mt.1}, {@code mt.2}, ...; the requests are kept for the test to read. */
    @Override
    public IssuedTokens issueForClient(MachineTokenRequest request) {
        machineRequests.add(request);
        return new IssuedTokens("mt." + counter.incrementAndGet(), Option.none(), request.lifetime().toSeconds(),
                request.scope(), "Bearer");
    }

    public List<MachineTokenRequest> machineRequests() {
        return List.ofAll(machineRequests);
    }

    @Override
    public String managementApiAudience() {
        return issuer + "api/v2/";
    }

    @Override
    public String mfaApiAudience() {
        return issuer + "mfa/";
    }

    @Override
    public Either<String, AccessTokenClaims> verifyMfaApiToken(String bearer) {
        return verify(bearer, true);
    }

    @Override
    public Either<String, AccessTokenClaims> verifyAccessToken(String bearer) {
        return verify(bearer, false);
    }

    private Either<String, AccessTokenClaims> verify(String bearer, boolean mfaApiOnly) {
        Issued issued = bearer == null ? null : byToken.get(bearer);
        if (issued == null) {
            return Either.left("unknown access token");
        }
        if (mfaApiOnly && !issued.audience().contains(mfaApiAudience())) {
            return Either.left("the access token is not for the MFA API audience");
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            return Either.left("the access token expired");
        }
        return Either.right(new AccessTokenClaims(issued.user(), issued.client(), issued.scope()));
    }

    @Override
    public boolean looksLikeAccessToken(String bearer) {
        return bearer != null && bearer.startsWith(PREFIX);
    }

    /** What was remembered about a token this issuer issued. */
    public Option<Issued> issued(String accessToken) {
        return Option.of(byToken.get(accessToken));
    }

    /** Every request that earned tokens, oldest first. */
    public List<TokenRequest> requests() {
        return List.ofAll(requests);
    }
}
