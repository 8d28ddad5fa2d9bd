package io.twofold.mfa.http.assertion;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.twofold.mfa.model.ClientAssertion;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientPublicKey;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** Signature, algorithm, kid and audience checks of client assertions, and which keys may be registered. */
class JoseClientAssertionVerifierTest {
    private static final String ISSUER = "https://mfa.example.com/";
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final KeyPair RSA = generate("RSA", 2048);
    private static final KeyPair EC = generateEc();

    private final JoseClientAssertionVerifier verifier = new JoseClientAssertionVerifier(ISSUER);

    @Test
    void verifiesEachAlgorithmWithItsKeyAndReturnsTheClaims() throws Exception {
        ClientPublicKey rs = key(RSA, "RS256");
        ClientPublicKey ps = key(RSA, "PS256");
        ClientPublicKey es = key(EC, "ES256");

        assertThat(verifier.verify(sign(JWSAlgorithm.RS256, RSA, ISSUER, null), List.of(rs)).get().jti())
                .contains("jti-1");
        assertThat(verifier.verify(sign(JWSAlgorithm.PS256, RSA, ISSUER + "oauth/token", null), List.of(ps))).isNotEmpty();
        assertThat(verifier.verify(sign(JWSAlgorithm.ES256, EC, "https://mfa.example.com", null), List.of(es))).isNotEmpty();
    }

    @Test
    void usesOnlyTheAlgorithmAKeyWasRegisteredFor() throws Exception {
        assertThat(verifier.verify(sign(JWSAlgorithm.RS256, RSA, ISSUER, null), List.of(key(RSA, "PS256")))).isEmpty();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(ISSUER));
        hmac.sign(new MACSigner(RSA.getPublic().getEncoded()));
        assertThat(verifier.verify(new ClientAssertion(hmac.serialize()), List.of(key(RSA, "RS256")))).isEmpty();
        assertThat(verifier.verify(new ClientAssertion(new PlainJWT(claims(ISSUER)).serialize()),
                List.of(key(RSA, "RS256")))).isEmpty();
    }

    @Test
    void refusesAnotherAudienceAnotherKeyOrAKidThatNamesNoKey() throws Exception {
        ClientPublicKey rs = key(RSA, "RS256");
        assertThat(verifier.verify(sign(JWSAlgorithm.RS256, RSA, "https://other.example.com/", null), List.of(rs))).isEmpty();
        assertThat(verifier.verify(sign(JWSAlgorithm.RS256, generate("RSA", 2048), ISSUER, null), List.of(rs))).isEmpty();
        assertThat(verifier.verify(sign(JWSAlgorithm.RS256, RSA, ISSUER, "no-such-kid"), List.of(rs))).isEmpty();
        assertThat(verifier.verify(sign(JWSAlgorithm.RS256, RSA, ISSUER, rs.kid()), List.of(key(EC, "ES256"), rs)))
                .isNotEmpty();
        assertThat(verifier.verify(new ClientAssertion("not.a.jwt"), List.of(rs))).isEmpty();
    }

    @Test
    void admitsRsaOf2048BitsAndP256OnlyAndNeverAPrivateKey() throws Exception {
        assertThat(PublicKeyCredentials.fromPem(pem(generate("RSA", 1024)), Option.none()).isLeft()).isTrue();
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        assertThat(PublicKeyCredentials.fromPem(pem(p384.generateKeyPair()), Option.none()).isLeft()).isTrue();
        assertThat(PublicKeyCredentials.fromPem(pem(EC), Option.some("RS256")).isLeft()).isTrue();
        assertThat(PublicKeyCredentials.fromJwk(new ECKey.Builder(Curve.P_256, (ECPublicKey) EC.getPublic())
                .privateKey((ECPrivateKey) EC.getPrivate()).build().toJSONString(), Option.none()).isLeft()).isTrue();
        PublicKeyCredentials.Admitted fromJwk = PublicKeyCredentials.fromJwk(new ECKey.Builder(Curve.P_256,
                (ECPublicKey) EC.getPublic()).build().toJSONString(), Option.none()).get();
        assertThat(fromJwk).isEqualTo(PublicKeyCredentials.fromPem(pem(EC), Option.none()).get());
        assertThat(fromJwk.algorithm().name()).isEqualTo("ES256");
    }

    private static ClientPublicKey key(KeyPair pair, String alg) {
        PublicKeyCredentials.Admitted admitted = PublicKeyCredentials.fromPem(pem(pair), Option.some(alg)).get();
        return new ClientPublicKey("cred_" + alg, new ClientId("backend"), alg, admitted.kid(), admitted.algorithm(),
                admitted.pem(), NOW, Option.none());
    }

    private static ClientAssertion sign(JWSAlgorithm alg, KeyPair pair, String audience, String kid) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims(audience));
        jwt.sign(pair.getPrivate() instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(pair.getPrivate()));
        return new ClientAssertion(jwt.serialize());
    }

    private static JWTClaimsSet claims(String audience) {
        return new JWTClaimsSet.Builder().issuer("backend").subject("backend").audience(audience).jwtID("jti-1")
                .expirationTime(Date.from(NOW.plusSeconds(60))).build();
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair generate(String type, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generateEc() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
