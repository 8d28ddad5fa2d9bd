package io.twofold.mfa.http.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.twofold.mfa.http.token.JwtSettings;
import io.twofold.mfa.http.token.JwtTokenIssuer;
import io.twofold.mfa.http.token.RsaSigningProvider;
import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.secret.SecureRandomSource;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * RS256 (2048-bit) token work on the grant path: an access token alone (the MFA API audience), an
 * access token plus an ID token (scope openid: two signatures), and verifying an MFA API bearer as
 * every /mfa/authenticators call does. {@code provider} signs with the native ACCP or the JDK's
 * SunRsaSign; verifying is on the JDK in both, so its two rows should match.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class JwtBenchmark {
    private static final String ISSUER = "http://127.0.0.1:8080/";

    /** accp: the native Amazon Corretto Crypto Provider (fails set-up where it cannot load); jdk: SunRsaSign. */
    @Param({"accp", "jdk"})
    public String provider;

    private final Instant now = Instant.parse("2025-01-01T10:00:00Z");
    private final User user = new User(new UserId("auth0|bench"), "bench", Option.some(new EmailAddress("bench@example.com")));
    private final ClientId client = new ClientId("bench-client");
    private JwtTokenIssuer issuer;
    private TokenRequest mfaApiRequest;
    private TokenRequest openIdRequest;
    private String mfaApiToken;

    @Setup
    public void setUp() throws JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-key").generate();
        RsaSigningProvider signing = RsaSigningProvider.choose(
                provider.equals("jdk") ? RsaSigningProvider.Mode.JDK : RsaSigningProvider.Mode.AUTO);
        if (provider.equals("accp") && !signing.usesAccp()) {
            // A silent fallback would print JDK numbers under the accp label.
            throw new IllegalStateException(signing.description());
        }
        issuer = new JwtTokenIssuer(JwtSettings.forIssuer(ISSUER), Clock.fixed(now, ZoneOffset.UTC), key, new SecureRandomSource(),
                signing);
        mfaApiRequest = new TokenRequest(user, client, Option.some(issuer.mfaApiAudience()),
                io.twofold.mfa.model.Scope.parse("enroll read:authenticators remove:authenticators"), true, now);
        openIdRequest = new TokenRequest(user, client, Option.none(), io.twofold.mfa.model.Scope.parse("openid profile email"), true, now);
        mfaApiToken = issuer.issue(mfaApiRequest).accessToken();
    }

    @Benchmark
    public IssuedTokens signAccessToken() {
        return issuer.issue(mfaApiRequest);
    }

    @Benchmark
    public IssuedTokens signAccessAndIdToken() {
        return issuer.issue(openIdRequest);
    }

    @Benchmark
    public Either<String, AccessTokenClaims> verifyMfaApiToken() {
        return issuer.verifyMfaApiToken(mfaApiToken);
    }
}
