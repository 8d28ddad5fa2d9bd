package io.twofold.mfa.http.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.MachineTokenRequest;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.testing.MutableClock;
import io.twofold.mfa.testing.SeededRandomSource;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens signed ES256 for the APIs that chose it; RS256 for everything else, and ID tokens always. */
class Es256AccessTokensTest {
    static final String ISSUER = "http://localhost:8080/";
    static final String ES_API = "https://orders.example.com/";
    static final String RS_API = "https://billing.example.com/";
    static final ClientId CLIENT = new ClientId("client-abc");
    static final User JANE = new User(new UserId("auth0|jane"), "jane", Option.none());

    final MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");
    final JwtSettings settings = JwtSettings.forIssuer(ISSUER);
    final AtomicInteger lookups = new AtomicInteger();
    final JwtTokenIssuer issuer = issuer(RsaSigningProvider.choose(RsaSigningProvider.Mode.JDK));

    JwtTokenIssuer issuer(RsaSigningProvider provider) {
        return new JwtTokenIssuer(settings, clock, SigningKeys.of(TestKeys.PRIMARY, TestKeys.EC),
                new SeededRandomSource(7), provider, audience -> {
                    lookups.incrementAndGet();
                    // An API registered under a built-in audience could not be: the issuer must not even ask.
                    return audience.equals(RS_API) ? SigningAlgorithm.RS256 : SigningAlgorithm.ES256;
                });
    }

    TokenRequest login(String audience, String scope) {
        return new TokenRequest(JANE, CLIENT, Option.of(audience), Scope.parse(scope), true, clock.instant());
    }

    @Test
    void aUserLoginToAnES256ApiGetsAnES256AccessTokenAndAnRS256IdToken() throws Exception {
        IssuedTokens tokens = issuer.issue(login(ES_API, "openid read:orders"));

        SignedJWT access = SignedJWT.parse(tokens.accessToken());
        SignedJWT id = SignedJWT.parse(tokens.idToken().get());
        assertThat(access.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(access.getHeader().getKeyID()).isEqualTo("test-ec-1");
        assertThat(access.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(access.verify(new ECDSAVerifier(TestKeys.EC.toPublicJWK()))).isTrue();
        assertThat(access.getJWTClaimsSet().getAudience()).containsExactly(ES_API);
        assertThat(id.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(id.getHeader().getKeyID()).isEqualTo("test-key-1");
        assertThat(id.verify(new RSASSAVerifier(TestKeys.PRIMARY.toPublicJWK()))).isTrue();
        // ES256 signatures are 64 bytes (R and S), RS256 ones 256: the token is the smaller for it.
        assertThat(access.getSignature().decode()).hasSize(64);
    }

    @Test
    void aMachineTokenForAnES256ApiIsES256() throws Exception {
        IssuedTokens tokens = issuer.issueForClient(new MachineTokenRequest(CLIENT, ES_API, Scope.parse("read:orders"),
                Duration.ofHours(1), clock.instant()));

        SignedJWT access = SignedJWT.parse(tokens.accessToken());
        assertThat(access.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(access.verify(new ECDSAVerifier(TestKeys.EC.toPublicJWK()))).isTrue();
    }

    @Test
    void rs256ApisTheBuiltInOnesAndTheDefaultAudienceStayRS256() throws Exception {
        String rsApi = issuer.issue(login(RS_API, "read:bills")).accessToken();
        String mfa = issuer.issue(login(settings.mfaApiAudience(), "enroll")).accessToken();
        String management = issuer.machineToken(CLIENT, settings.managementApiAudience(), Scope.parse("read:users"),
                Duration.ofHours(1));
        String userinfo = issuer.issue(new TokenRequest(JANE, CLIENT, Option.none(), Scope.parse("openid"), false,
                clock.instant())).accessToken();

        for (String token : List.of(rsApi, mfa, management, userinfo)) {
            assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        }
        assertThat(lookups).as("only the registered audience was looked up").hasValue(1);
    }

    @Test
    void everyTokenHasItsOwnSignatureSinceEachEcdsaNonceIsFresh() throws Exception {
        MachineTokenRequest same = new MachineTokenRequest(CLIENT, ES_API, Scope.parse("read:orders"),
                Duration.ofHours(1), clock.instant());
        SignedJWT one = SignedJWT.parse(issuer.issueForClient(same).accessToken());
        SignedJWT two = SignedJWT.parse(issuer.issueForClient(same).accessToken());

        // Same key and (but for the jti) same claims: a repeated nonce would give away the private key.
        assertThat(java.util.Arrays.copyOf(one.getSignature().decode(), 32))
                .as("R, which the nonce alone decides").isNotEqualTo(java.util.Arrays.copyOf(two.getSignature().decode(), 32));
    }

    @Test
    void userInfoTakesAnES256AccessTokenSignedByOurEcKey() {
        String token = issuer.issue(login(ES_API, "openid read:orders")).accessToken();

        assertThat(issuer.verifyAccessToken(token).map(claims -> claims.subject().value())).containsExactly("auth0|jane");
    }

    @Test
    void theMfaApiRefusesAnES256TokenEvenForItsOwnAudience() throws Exception {
        String forged = signed(new ECDSASigner(TestKeys.EC), JWSAlgorithm.ES256, "test-ec-1",
                claims(settings.mfaApiAudience()).build());

        assertThat(issuer.verifyMfaApiToken(forged).getLeft()).isEqualTo(JwtTokenIssuer.REFUSED);
        assertThat(issuer.verifyAccessToken(forged).isRight()).as("the same token is good for UserInfo").isTrue();
    }

    @Test
    void theManagementApiRefusesAnES256MachineToken() throws Exception {
        String forged = signed(new ECDSASigner(TestKeys.EC), JWSAlgorithm.ES256, "test-ec-1",
                claims(settings.managementApiAudience()).subject("client-abc@clients").claim("gty", "client-credentials")
                        .build());

        assertThat(issuer.verifyMachineToken(forged, settings.managementApiAudience()).getLeft())
                .isEqualTo(JwtTokenIssuer.REFUSED);
    }

    @Test
    void refusesAnES256HeaderOnTheRsaKidAndAnRS256HeaderOnTheEcKid() throws Exception {
        String esOnRsaKid = signed(new ECDSASigner(TestKeys.EC), JWSAlgorithm.ES256, "test-key-1",
                claims(ES_API).build());
        String rsOnEcKid = signed(new RSASSASigner(TestKeys.PRIMARY), JWSAlgorithm.RS256, "test-ec-1",
                claims(ES_API).build());

        assertThat(issuer.verifyAccessToken(esOnRsaKid).getLeft()).isEqualTo(JwtTokenIssuer.REFUSED);
        assertThat(issuer.verifyAccessToken(rsOnEcKid).getLeft()).isEqualTo(JwtTokenIssuer.REFUSED);
    }

    @Test
    void refusesAnES256TokenSignedByAnotherKeyUnderOurKid() throws Exception {
        String foreign = signed(new ECDSASigner(TestKeys.OTHER_EC), JWSAlgorithm.ES256, "test-ec-1",
                claims(ES_API).build());

        assertThat(issuer.verifyAccessToken(foreign).getLeft()).isEqualTo(JwtTokenIssuer.REFUSED);
    }

    @Test
    void refusesAlgNoneAndHs256WithTheEcPublicKeyAsSecret() throws Exception {
        String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"test-ec-1\",\"typ\":\"at+jwt\"}").toString();
        String none = header + "." + claims(ES_API).build().toPayload().toBase64URL() + ".";
        byte[] publicKeyAsSecret = TestKeys.EC.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = java.util.Arrays.copyOf(publicKeyAsSecret, Math.max(32, publicKeyAsSecret.length));
        String hs256 = signed(new MACSigner(padded), JWSAlgorithm.HS256, "test-ec-1", claims(ES_API).build());

        assertThat(issuer.verifyAccessToken(none).getLeft()).isEqualTo(JwtTokenIssuer.REFUSED);
        assertThat(issuer.verifyAccessToken(hs256).getLeft()).isEqualTo(JwtTokenIssuer.REFUSED);
    }

    @Test
    void signsES256WithAccpWhenItLoadsAndTheJdkVerifiesIt() throws Exception {
        RsaSigningProvider auto = RsaSigningProvider.choose(RsaSigningProvider.Mode.AUTO);
        JwtTokenIssuer accpIssuer = issuer(auto);

        SignedJWT token = SignedJWT.parse(accpIssuer.issue(login(ES_API, "read:orders")).accessToken());

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(token.verify(new ECDSAVerifier(TestKeys.EC.toPublicJWK()))).isTrue();
        assertThat(auto.ecProvider().getName()).isEqualTo(auto.usesAccp() ? auto.provider().getName() : "SunEC");
    }

    private JWTClaimsSet.Builder claims(String audience) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("auth0|jane").audience(audience)
                .claim("client_id", "client-abc").claim("scope", "enroll")
                .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plusSeconds(600)));
    }

    private static String signed(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(new JOSEObjectType("at+jwt")).build(),
                claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
