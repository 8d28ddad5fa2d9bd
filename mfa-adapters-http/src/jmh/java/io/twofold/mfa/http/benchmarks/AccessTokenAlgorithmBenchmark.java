package io.twofold.mfa.http.benchmarks;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.twofold.mfa.http.token.JwtSettings;
import io.twofold.mfa.http.token.JwtTokenIssuer;
import io.twofold.mfa.http.token.RsaSigningProvider;
import io.twofold.mfa.http.token.SigningKeys;
import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.MachineTokenRequest;
import io.twofold.mfa.port.out.TokenRequest;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * ES256 (P-256) against RS256 (2048-bit) for an API's access tokens: a machine token
 * ({@code client_credentials}, one signature), a user's access token to the API, and verifying it as
 * UserInfo does (on the JDK whichever provider signs). {@code provider} signs with the native ACCP or the
 * JDK (SunRsaSign, SunEC). The API's algorithm comes from a constant lookup, so the numbers are the
 * signature's, not the database's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class AccessTokenAlgorithmBenchmark {
    private static final String ISSUER = "http://127.0.0.1:8080/";
    private static final String API = "https://orders.example.com/";

    @Param({"RS256", "ES256"})
    public String alg;

    /** accp: the native Amazon Corretto Crypto Provider (fails set-up where it cannot load); jdk: the JDK's. */
    @Param({"accp", "jdk"})
    public String provider;

    private final Instant now = Instant.parse("2025-01-01T10:00:00Z");
    private final ClientId client = new ClientId("bench-client");
    private JwtTokenIssuer issuer;
    private MachineTokenRequest machineRequest;
    private TokenRequest userRequest;
    private String userToken;

    @Setup
    public void setUp() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("bench-rsa").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("bench-ec").generate();
        RsaSigningProvider signing = RsaSigningProvider.choose(
                provider.equals("jdk") ? RsaSigningProvider.Mode.JDK : RsaSigningProvider.Mode.AUTO);
        if (provider.equals("accp") && !signing.usesAccp()) {
            // A silent fallback would print JDK numbers under the accp label.
            throw new IllegalStateException(signing.description());
        }
        SigningAlgorithm chosen = SigningAlgorithm.valueOf(alg);
        issuer = new JwtTokenIssuer(JwtSettings.forIssuer(ISSUER), Clock.fixed(now, ZoneOffset.UTC),
                SigningKeys.of(rsa, ec), new SecureRandomSource(), signing, audience -> chosen);
        machineRequest = new MachineTokenRequest(client, API, io.twofold.mfa.model.Scope.parse("read:orders"),
                Duration.ofHours(24), now);
        userRequest = new TokenRequest(new User(new UserId("auth0|bench"), "bench", Option.none()), client,
                Option.some(API), io.twofold.mfa.model.Scope.parse("read:orders"), true, now);
        userToken = issuer.issue(userRequest).accessToken();
    }

    @Benchmark
    public IssuedTokens signMachineToken() {
        return issuer.issueForClient(machineRequest);
    }

    @Benchmark
    public IssuedTokens signUserAccessToken() {
        return issuer.issue(userRequest);
    }

    @Benchmark
    public Either<String, AccessTokenClaims> verifyAccessToken() {
        return issuer.verifyAccessToken(userToken);
    }
}
