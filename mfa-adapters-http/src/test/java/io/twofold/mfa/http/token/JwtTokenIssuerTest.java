package io.twofold.mfa.http.token;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.out.MachineTokenRequest;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.testing.MutableClock;
import io.twofold.mfa.testing.SeededRandomSource;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtTokenIssuerTest {
    static final String ISSUER = "http://localhost:8080/";
    static final String MFA_AUDIENCE = ISSUER + "mfa/";
    static final ClientId CLIENT = new ClientId("client-abc");
    static final User JANE = new User(new UserId("auth0|jane"), "jane", Option.some(new EmailAddress("jane@example.com")));

    final MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");
    final JwtTokenIssuer issuer = issuerWith(TestKeys.PRIMARY);

    JwtTokenIssuer issuerWith(RSAKey key) {
        return new JwtTokenIssuer(JwtSettings.forIssuer(ISSUER), clock, key, new SeededRandomSource(7));
    }

    TokenRequest request(String audience, String scope) {
        return new TokenRequest(JANE, CLIENT, Option.of(audience), Scope.parse(scope), true, clock.instant());
    }

    /** Why the issuer refused {@code bearer}, as it logged it; the caller itself only hears the generic text. */
    String refusal(String bearer) {
        Logger logger = (Logger) LoggerFactory.getLogger(JwtTokenIssuer.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            assertThat(issuer.verifyMfaApiToken(bearer).getLeft()).isEqualTo("Invalid token");
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).hasSize(1);
        String line = logged.list.get(0).getFormattedMessage();
        assertThat(line).startsWith("MFA API access token refused: ");
        return line.substring("MFA API access token refused: ".length());
    }

    @Test
    void issuesTheDomainsMachineTokenForTheGrantedAudienceScopesAndLifetime() throws Exception {
        String api = "https://orders.example.com/";
        IssuedTokens tokens = issuer.issueForClient(new MachineTokenRequest(CLIENT, api, Scope.parse("read:orders"),
                Duration.ofSeconds(7200), clock.instant()));

        JWTClaimsSet claims = SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet();
        assertThat(tokens.expiresIn()).isEqualTo(7200);
        assertThat(tokens.scope()).isEqualTo(Scope.parse("read:orders"));
        assertThat(tokens.idToken()).isEmpty();
        assertThat(claims.getSubject()).isEqualTo("client-abc@clients");
        assertThat(claims.getAudience()).containsExactly(api);
        assertThat(claims.getStringClaim("gty")).isEqualTo("client-credentials");
        assertThat(claims.getStringClaim("scope")).isEqualTo("read:orders");
        assertThat(issuer.verifyMachineToken(tokens.accessToken(), api).get().client()).isEqualTo(CLIENT);
        assertThat(issuer.managementApiAudience()).isEqualTo(ISSUER + "api/v2/");
    }

    String mfaApiToken() {
        return issuer.issue(request(MFA_AUDIENCE, "read:authenticators remove:authenticators")).accessToken();
    }

    @Test
    void issuedMfaApiTokenVerifiesWithItsSubjectClientAndScope() {
        IssuedTokens tokens = issuer.issue(request(MFA_AUDIENCE, "enroll read:authenticators"));

        Either<String, AccessTokenClaims> claims = issuer.verifyMfaApiToken(tokens.accessToken());

        assertThat(claims.get()).isEqualTo(new AccessTokenClaims(JANE.id(), CLIENT, Scope.parse("enroll read:authenticators")));
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.scope()).isEqualTo(Scope.parse("enroll read:authenticators"));
        assertThat(issuer.mfaApiAudience()).isEqualTo(MFA_AUDIENCE);
    }

    @Test
    void mfaApiTokenLivesSixHundredSecondsAndOthersTheConfiguredLifetime() throws Exception {
        assertThat(issuer.issue(request(MFA_AUDIENCE, "enroll")).expiresIn()).isEqualTo(600);
        assertThat(issuer.issue(request("https://api.example.com/", "openid")).expiresIn()).isEqualTo(86_400);

        JwtTokenIssuer shortLived = new JwtTokenIssuer(JwtSettings.forIssuer(ISSUER).withAccessTokenLifetime(Duration.ofHours(1)),
                clock, TestKeys.PRIMARY, new SeededRandomSource(1));
        IssuedTokens api = shortLived.issue(request("https://api.example.com/", ""));
        assertThat(api.expiresIn()).isEqualTo(3600);
        assertThat(shortLived.issue(request(MFA_AUDIENCE, "enroll")).expiresIn()).isEqualTo(600);
        JWTClaimsSet claims = SignedJWT.parse(api.accessToken()).getJWTClaimsSet();
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plusSeconds(3600));
    }

    @Test
    void accessTokenCarriesTheRfc9068ClaimsAndNoAmr() throws Exception {
        SignedJWT jwt = SignedJWT.parse(mfaApiToken());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("test-key-1");
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("auth0|jane");
        assertThat(claims.getAudience()).containsExactly(MFA_AUDIENCE);
        assertThat(claims.getStringClaim("azp")).isEqualTo("client-abc");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("client-abc");
        assertThat(claims.getStringClaim("scope")).isEqualTo("read:authenticators remove:authenticators");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getClaims()).doesNotContainKey("amr");
    }

    @Test
    void tokenWithoutAskedAudienceGetsTheDefaultAudience() throws Exception {
        IssuedTokens tokens = issuer.issue(new TokenRequest(JANE, CLIENT, Option.none(), Scope.parse("openid"), false, clock.instant()));

        assertThat(SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getAudience()).containsExactly(ISSUER + "userinfo");
        assertThat(refusal(tokens.accessToken())).isEqualTo("not an MFA API access token");
    }

    @Test
    void eachTokenHasItsOwnJti() throws Exception {
        String first = SignedJWT.parse(mfaApiToken()).getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(mfaApiToken()).getJWTClaimsSet().getJWTID();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void refusesToMintAnMfaApiTokenForALoginThatSkippedMfa() {
        TokenRequest noMfa = new TokenRequest(JANE, CLIENT, Option.some(MFA_AUDIENCE), Scope.parse("enroll"), false, clock.instant());
        assertThatThrownBy(() -> issuer.issue(noMfa)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnExpiredToken() {
        String token = mfaApiToken();
        clock.advance(Duration.ofSeconds(599));
        assertThat(issuer.verifyMfaApiToken(token).isRight()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(refusal(token)).isEqualTo("access token expired");
    }

    @Test
    void refusesATokenStampedFarInTheFuture() {
        TokenRequest future = new TokenRequest(JANE, CLIENT, Option.some(MFA_AUDIENCE), Scope.parse("enroll"), true,
                clock.instant().plusSeconds(120));
        assertThat(refusal(issuer.issue(future).accessToken())).isEqualTo("access token not valid yet");
    }

    @Test
    void refusesATamperedPayload() throws Exception {
        String[] parts = mfaApiToken().split("\\.");
        JWTClaimsSet forged = new JWTClaimsSet.Builder(SignedJWT.parse(mfaApiToken()).getJWTClaimsSet()).subject("auth0|mallory").build();
        String tampered = parts[0] + "." + Base64URL.encode(forged.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(refusal(tampered)).isEqualTo("bad signature");
    }

    @Test
    void refusesATamperedSignature() {
        String token = mfaApiToken();
        int last = token.length() - 5;
        String tampered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);

        assertThat(issuer.verifyMfaApiToken(tampered).isLeft()).isTrue();
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        String foreign = issuerWith(TestKeys.OTHER).issue(request(MFA_AUDIENCE, "enroll")).accessToken();
        RSAKey otherKeySameKid = new RSAKey.Builder(TestKeys.OTHER).keyID("test-key-1").build();
        String impostor = issuerWith(otherKeySameKid).issue(request(MFA_AUDIENCE, "enroll")).accessToken();

        assertThat(refusal(foreign)).isEqualTo("unknown signing key");
        assertThat(refusal(impostor)).isEqualTo("bad signature");
    }

    @Test
    void refusesATokenForAnotherAudience() {
        String token = issuer.issue(request("https://api.example.com/", "enroll")).accessToken();
        assertThat(refusal(token)).isEqualTo("not an MFA API access token");
    }

    @Test
    void refusesAnUnsignedToken() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(mfaApiToken()).getJWTClaimsSet();
        String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"test-key-1\",\"typ\":\"at+jwt\"}").toString();
        String payload = Base64URL.encode(claims.toString()).toString();

        assertThat(issuer.verifyMfaApiToken(header + "." + payload + ".").isLeft()).isTrue();
        assertThat(issuer.verifyMfaApiToken(header + "." + payload + ".c2ln").isLeft()).isTrue();
    }

    @Test
    void refusesAnHs256TokenEvenKeyedWithThePublicKey() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(mfaApiToken()).getJWTClaimsSet();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test-key-1").type(new JOSEObjectType("at+jwt")).build();
        SignedJWT hs256 = new SignedJWT(header, claims);
        hs256.sign(new MACSigner(TestKeys.PRIMARY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));

        assertThat(refusal(hs256.serialize())).isEqualTo("unexpected signing algorithm");
    }

    @Test
    void refusesAnIdTokenPresentedAsAccessToken() {
        ClientId mfaNamedClient = new ClientId(MFA_AUDIENCE);
        TokenRequest req = new TokenRequest(JANE, mfaNamedClient, Option.some(MFA_AUDIENCE), Scope.parse("openid"), true, clock.instant());
        String idToken = issuer.issue(req).idToken().get();

        assertThat(refusal(idToken)).isEqualTo("not an access token");
    }

    @Test
    void refusalReasonsNeverEchoTheToken() {
        String token = mfaApiToken();
        clock.advance(Duration.ofHours(1));
        String notJsonPayload = "eyJhbGciOiJSUzI1NiIsImtpZCI6InRlc3Qta2V5LTEiLCJ0eXAiOiJhdCtqd3QifQ.bm90anNvbg.c2ln";
        for (String bad : new String[] {token, token + "x", "a.b.c", "e30.e30.e30", notJsonPayload, "garbage", "", null}) {
            String reason = refusal(bad);
            assertThat(reason).isNotBlank().hasSizeLessThan(60);
            if (bad != null && !bad.isEmpty()) {
                assertThat(reason).doesNotContain(bad);
            }
        }
    }

    @Test
    void recognisesAccessTokensByTheirShape() {
        assertThat(issuer.looksLikeAccessToken(mfaApiToken())).isTrue();
        assertThat(issuer.looksLikeAccessToken("Qx3zN8v0_-abcDEF123456789012345678901234567")).isFalse();
        assertThat(issuer.looksLikeAccessToken("a.b")).isFalse();
        assertThat(issuer.looksLikeAccessToken("a.b.")).isFalse();
        assertThat(issuer.looksLikeAccessToken("a.b+.c")).isFalse();
        assertThat(issuer.looksLikeAccessToken(null)).isFalse();
    }

    @Test
    void idTokenOnlyWithOpenidScope() {
        assertThat(issuer.issue(request(MFA_AUDIENCE, "enroll")).idToken().isEmpty()).isTrue();
        assertThat(issuer.issue(request("https://api.example.com/", "openid profile")).idToken().isDefined()).isTrue();
    }

    @Test
    void idTokenPassesTheChecksNodeAuth0Makes() throws Exception {
        String idToken = issuer.issue(request("https://api.example.com/", "openid profile email")).idToken().get();
        JWKSet published = JWKSet.parse(SigningKeys.of(TestKeys.PRIMARY).publicJwkSetJson());

        SignedJWT jwt = SignedJWT.parse(idToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:8080/");
        assertThat(claims.getSubject()).isEqualTo("auth0|jane");
        assertThat(claims.getAudience()).containsExactly("client-abc");
        Instant now = clock.instant();
        assertThat(claims.getExpirationTime()).isAfter(Date.from(now.minusSeconds(60)));
        assertThat(jwt.getPayload().toJSONObject().get("exp")).isInstanceOf(Number.class);
        assertThat(jwt.getPayload().toJSONObject().get("iat")).isInstanceOf(Number.class);
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
        assertThat(claims.getStringClaim("email")).isEqualTo("jane@example.com");
        assertThat(claims.getClaims()).doesNotContainKeys("amr", "nonce");
    }

    @Test
    void refusesAnUnusableSigningKeyWhicheverProviderSigns() {
        RSAKey noKid = new RSAKey.Builder(TestKeys.PRIMARY).keyID(null).build();
        for (RsaSigningProvider.Mode mode : RsaSigningProvider.Mode.values()) {
            RsaSigningProvider provider = RsaSigningProvider.choose(mode);
            assertThatThrownBy(() -> new JwtTokenIssuer(JwtSettings.forIssuer(ISSUER), clock, TestKeys.PRIMARY.toPublicJWK(),
                    new SeededRandomSource(1), provider)).hasMessage("the signing key must be an RSA private key");
            assertThatThrownBy(() -> new JwtTokenIssuer(JwtSettings.forIssuer(ISSUER), clock, noKid,
                    new SeededRandomSource(1), provider)).hasMessage("the signing key needs a key id (kid)");
        }
    }

    @Test
    void publishedJwksHoldsNoPrivateParts() throws Exception {
        JsonNode jwks = new ObjectMapper().readTree(SigningKeys.of(TestKeys.PRIMARY).publicJwkSetJson());
        JsonNode key = jwks.get("keys").get(0);
        JsonNode ec = jwks.get("keys").get(1);

        assertThat(jwks.get("keys")).hasSize(2);
        assertThat(key.get("kid").asText()).isEqualTo("test-key-1");
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("e")).isTrue();
        assertThat(ec.get("kty").asText()).isEqualTo("EC");
        assertThat(ec.has("x") && ec.has("y")).isTrue();
        for (String secret : new String[] {"d", "p", "q", "dp", "dq", "qi", "oth"}) {
            assertThat(key.has(secret)).as(secret).isFalse();
            assertThat(ec.has(secret)).as(secret).isFalse();
        }
    }
}
