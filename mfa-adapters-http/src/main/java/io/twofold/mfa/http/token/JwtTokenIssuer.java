package io.twofold.mfa.http.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.port.out.MachineTokenRequest;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.TokenIssuer;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Issues JWT access tokens (RFC 9068 shape, {@code typ: at+jwt}), signed RS256 or ES256 as their
 * audience's API chose ({@link AccessTokenAlgorithms}; the built-in APIs and the default audience are
 * RS256), and RS256 OpenID ID tokens; verifies access tokens presented as bearers. Plain Java: the app
 * wires it.
 */
public final class JwtTokenIssuer implements TokenIssuer {
    /** The MFA API access token lives 600 s and this cannot be configured (spec 1.1). */
    public static final Duration MFA_API_LIFETIME = Duration.ofSeconds(600);
    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    /** What a client is told about any refused access token (Auth0's text). */
    public static final String REFUSED = "Invalid token";
    /** What a client is told about a machine token that has expired. */
    public static final String EXPIRED = "Expired token";
    private static final Logger LOG = LoggerFactory.getLogger(JwtTokenIssuer.class);
    private static final Pattern JWS_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final JwtSettings settings;
    private final SigningKeys keys;
    private final RsaSigningProvider signingProvider;
    private final AccessTokenAlgorithms algorithms;
    /** The signer of the current RSA key, made again when a rotation changes the key. */
    private volatile CompactSigner signing;
    /** The signer of the current EC key, likewise. */
    private volatile CompactSigner ecSigning;
    private final RandomSource random;
    private final AccessTokenVerifier verifier;
    private final Clock clock;

    /** Signs with ACCP when it is healthy on this platform, else with the JDK. */
    public JwtTokenIssuer(JwtSettings settings, Clock clock, RSAKey signingKey, RandomSource random) {
        this(settings, clock, signingKey, random, RsaSigningProvider.choose(RsaSigningProvider.Mode.AUTO));
    }

    /**
     * Signs with the given provider. Verifying stays on the JDK: it is cheap (a public-key operation)
     * and keeps the bearer check independent of the native code.
     */
    public JwtTokenIssuer(JwtSettings settings, Clock clock, RSAKey signingKey, RandomSource random,
                          RsaSigningProvider signingProvider) {
        this(settings, clock, SigningKeys.of(signingKey), random, signingProvider);
    }

    /**
     * Signs with whichever key {@code keys} names current at the time (it follows rotations), and
     * verifies tokens signed by any key it still publishes.
     */
    public JwtTokenIssuer(JwtSettings settings, Clock clock, SigningKeys keys, RandomSource random,
                          RsaSigningProvider signingProvider) {
        this(settings, clock, keys, random, signingProvider, AccessTokenAlgorithms.rs256());
    }

    /** As above, each access token signed with the algorithm {@code algorithms} names for its audience. */
    public JwtTokenIssuer(JwtSettings settings, Clock clock, SigningKeys keys, RandomSource random,
                          RsaSigningProvider signingProvider, AccessTokenAlgorithms algorithms) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
        this.signingProvider = Objects.requireNonNull(signingProvider, "signingProvider");
        this.algorithms = Objects.requireNonNull(algorithms, "algorithms");
        this.signing = CompactSigner.rs256(keys.signingKey(), signingProvider);
        this.ecSigning = CompactSigner.es256(keys.ecSigningKey(), signingProvider);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = new AccessTokenVerifier(settings, clock, keys::verificationKey);
    }

    @Override
    public IssuedTokens issue(TokenRequest request) {
        String audience = request.audience().filter(a -> !a.isBlank()).getOrElse(settings.defaultAudience());
        boolean mfaApi = audience.equals(mfaApiAudience());
        if (mfaApi && !request.mfaPassed()) {
            // Spec 1.1: asking for the MFA API audience always enforces MFA. The domain answers
            // mfa_required first; this guard keeps a bug there from minting an MFA API token.
            throw new IllegalArgumentException("an MFA API access token is only issued after MFA");
        }
        Instant now = request.at();
        Duration lifetime = mfaApi ? MFA_API_LIFETIME : settings.accessTokenLifetime();
        JWTClaimsSet.Builder access = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(request.user().id().value())
                .audience(audience)
                .claim("azp", request.clientId().value())
                .claim("client_id", request.clientId().value())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(randomId());
        if (!request.scope().isEmpty()) {
            access.claim("scope", request.scope().toString());
        }
        String accessToken = accessTokenSigning(audience).sign(access.build(), ACCESS_TOKEN_TYPE);
        // ID tokens stay RS256 whatever the API chose: Auth0's SDKs check them as RS256.
        Option<String> idToken = request.scope().contains("openid")
                ? Option.some(rsaSigning().sign(idTokenClaims(request, now), JOSEObjectType.JWT))
                : Option.none();
        return new IssuedTokens(accessToken, idToken, lifetime.toSeconds(), request.scope(), "Bearer");
    }

    /**
     * A machine token for a client ({@code client_credentials}): {@code sub} {@code <client_id>@clients},
     * {@code gty} {@code client-credentials}, {@code azp} and {@code client_id} the client, the scopes
     * space-separated. Only signs: whether the client may have it is the caller's rule.
     */
    public String machineToken(ClientId client, String audience, Scope scope, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder access = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(client.value() + MachineClaims.SUBJECT_SUFFIX)
                .audience(audience)
                .claim("azp", client.value())
                .claim("client_id", client.value())
                .claim("gty", MachineClaims.GRANT_TYPE)
                .claim("scope", scope.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(randomId());
        return accessTokenSigning(audience).sign(access.build(), ACCESS_TOKEN_TYPE);
    }

    /**
     * A machine token for {@code audience} presented as a bearer: the claims, or why it is refused.
     * The reason goes to the log; the caller gets {@link #REFUSED}, or {@link #EXPIRED} for a token
     * that was good but has run out (SDKs fetch a new one when told so).
     */
    public Either<String, MachineClaims> verifyMachineToken(String bearer, String audience) {
        return verifier.verifyMachine(bearer, audience).mapLeft(reason -> {
            if (AccessTokenVerifier.EXPIRED.equals(reason)) {
                return EXPIRED;
            }
            LOG.info("machine token refused: {}", reason);
            return REFUSED;
        });
    }

    /** The domain's machine token: {@link #machineToken} for the client grant's audience, scopes and lifetime. */
    @Override
    public IssuedTokens issueForClient(MachineTokenRequest request) {
        String token = machineToken(request.client(), request.audience(), request.scope(), request.lifetime());
        return new IssuedTokens(token, Option.none(), request.lifetime().toSeconds(), request.scope(), "Bearer");
    }

    @Override
    public String managementApiAudience() {
        return settings.managementApiAudience();
    }

    public JwtSettings settings() {
        return settings;
    }

    private JWTClaimsSet idTokenClaims(TokenRequest request, Instant now) {
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(request.user().id().value())
                .audience(request.clientId().value())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.idTokenLifetime())));
        if (request.scope().contains("profile")) {
            id.claim("nickname", request.user().username()).claim("name", request.user().username());
        }
        if (request.scope().contains("email")) {
            request.user().email().forEach(email -> id.claim("email", email.value()));
        }
        return id.build();
    }

    /**
     * The signer for an access token to {@code audience}. The built-in APIs and the default audience
     * are RS256 without asking: their verifiers take RS256 alone, and no lookup is spent on them.
     */
    private CompactSigner accessTokenSigning(String audience) {
        boolean builtIn = audience.equals(settings.mfaApiAudience()) || audience.equals(settings.managementApiAudience())
                || audience.equals(settings.defaultAudience());
        return !builtIn && algorithms.forAudience(audience) == SigningAlgorithm.ES256 ? ecSigning() : rsaSigning();
    }

    private CompactSigner rsaSigning() {
        RSAKey key = keys.signingKey();
        CompactSigner current = signing;
        if (!current.keyId().equals(key.getKeyID())) {
            current = CompactSigner.rs256(key, signingProvider);
            signing = current;
        }
        return current;
    }

    private CompactSigner ecSigning() {
        ECKey key = keys.ecSigningKey();
        CompactSigner current = ecSigning;
        if (!current.keyId().equals(key.getKeyID())) {
            current = CompactSigner.es256(key, signingProvider);
            ecSigning = current;
        }
        return current;
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    @Override
    public String mfaApiAudience() {
        return settings.mfaApiAudience();
    }

    /**
     * The reason a token is refused (bad signature, unknown key, expired...) tells a forger what to try
     * next: it goes to the log, and the caller, who answers the client with it, gets {@link #REFUSED}.
     */
    @Override
    public Either<String, AccessTokenClaims> verifyMfaApiToken(String bearer) {
        return verifier.verify(bearer).mapLeft(reason -> {
            LOG.info("MFA API access token refused: {}", reason);
            return REFUSED;
        });
    }

    @Override
    public Either<String, AccessTokenClaims> verifyAccessToken(String bearer) {
        return verifier.verify(bearer, false).mapLeft(reason -> {
            LOG.info("access token refused: {}", reason);
            return REFUSED;
        });
    }

    /** Three dot-separated base64url parts; an {@code mfa_token} is one base64url string with no dot. */
    @Override
    public boolean looksLikeAccessToken(String bearer) {
        return bearer != null && JWS_SHAPE.matcher(bearer).matches();
    }
}
