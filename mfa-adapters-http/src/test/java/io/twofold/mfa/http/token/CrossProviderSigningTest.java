package io.twofold.mfa.http.token;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.testing.MutableClock;
import io.twofold.mfa.testing.SeededRandomSource;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Tokens signed by ACCP and by the JDK are interchangeable: same bytes, and each verifies with the other. */
class CrossProviderSigningTest {
    static final String ISSUER = "http://localhost:8080/";
    static final User JANE = new User(new UserId("auth0|jane"), "jane", Option.none());

    final MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");
    final RsaSigningProvider accp = RsaSigningProvider.choose(RsaSigningProvider.Mode.AUTO);
    final RsaSigningProvider jdk = RsaSigningProvider.choose(RsaSigningProvider.Mode.JDK);

    @BeforeEach
    void needsTheNativeProvider() {
        assumeThat(accp.usesAccp()).as("ACCP cannot sign on this platform: " + accp.description()).isTrue();
    }

    JwtTokenIssuer issuer(RsaSigningProvider provider) {
        // Same seed, same clock: both issuers build the same header and claims, jti included.
        return new JwtTokenIssuer(JwtSettings.forIssuer(ISSUER), clock, TestKeys.PRIMARY, new SeededRandomSource(11),
                provider);
    }

    String mfaApiToken(JwtTokenIssuer issuer) {
        return issuer.issue(new TokenRequest(JANE, new ClientId("client-abc"), Option.some(ISSUER + "mfa/"),
                Scope.parse("enroll read:authenticators"), true, clock.instant())).accessToken();
    }

    @Test
    void accpAndJdkSignTheSameTokenByteForByte() {
        // RSASSA-PKCS1-v1_5 is deterministic: one key and one input give one signature, whoever computes it.
        for (int i = 0; i < 3; i++) {
            assertThat(mfaApiToken(issuer(accp))).isEqualTo(mfaApiToken(issuer(jdk)));
            clock.advance(java.time.Duration.ofSeconds(1));
        }
    }

    @Test
    void accpSignedTokenVerifiesWithThePlainJdkVerifier() throws Exception {
        SignedJWT jwt = SignedJWT.parse(mfaApiToken(issuer(accp)));

        assertThat(jwt.verify(new RSASSAVerifier(publicKey()))).isTrue();
        assertThat(issuer(jdk).verifyMfaApiToken(jwt.serialize()).isRight()).isTrue();
    }

    @Test
    void jdkSignedTokenVerifiesWithAnAccpVerifier() throws Exception {
        SignedJWT jwt = SignedJWT.parse(mfaApiToken(issuer(jdk)));
        RSASSAVerifier accpVerifier = new RSASSAVerifier(publicKey());
        accpVerifier.getJCAContext().setProvider(accp.provider());

        assertThat(jwt.verify(accpVerifier)).isTrue();
        assertThat(issuer(accp).verifyMfaApiToken(jwt.serialize()).isRight()).isTrue();
    }

    @Test
    void accpSignsWithAKeyWithoutCrtParameters() throws Exception {
        RSAKey full = TestKeys.PRIMARY;
        RSAKey bare = new RSAKey.Builder(full.getModulus(), full.getPublicExponent()).privateExponent(full.getPrivateExponent())
                .keyID(full.getKeyID()).build();
        JwtTokenIssuer bareAccp = new JwtTokenIssuer(JwtSettings.forIssuer(ISSUER), clock, bare,
                new SeededRandomSource(11), accp);

        assertThat(mfaApiToken(bareAccp)).isEqualTo(mfaApiToken(issuer(jdk)));
    }

    private static RSAKey publicKey() {
        return TestKeys.PRIMARY.toPublicJWK();
    }
}
