package io.twofold.mfa.http.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.twofold.mfa.memory.InMemorySigningKeyStore;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import io.twofold.mfa.testing.MutableClock;
import io.twofold.mfa.testing.SeededRandomSource;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {
    final MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");

    @Test
    void generatesAKeyOnceAndEveryInstanceOverTheStoreReusesIt() {
        InMemorySigningKeyStore store = new InMemorySigningKeyStore();

        SigningKeys first = SigningKeys.loadOrCreate(store, clock, new SeededRandomSource(1));
        SigningKeys second = SigningKeys.loadOrCreate(store, clock, new SeededRandomSource(2));

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicJwkSetJson()).isEqualTo(first.publicJwkSetJson());
        assertThat(second.signingKey()).isEqualTo(first.signingKey());
        SigningKey saved = store.current(SigningAlgorithm.RS256).get();
        assertThat(saved.keyId()).isEqualTo(first.keyId());
        assertThat(saved.createdAt()).isEqualTo(clock.instant());
        assertThat(first.signingKey().size()).isEqualTo(2048);
    }

    @Test
    void whenAnotherNodeSavesFirstItsKeyIsUsed() {
        InMemorySigningKeyStore shared = new InMemorySigningKeyStore();
        SigningKeys winner = SigningKeys.of(TestKeys.PRIMARY);
        // This node looked before the other node saved, so it generates and loses the race.
        SigningKeyStore lateLooker = new SigningKeyStore() {
            private boolean looked;

            @Override
            public Option<SigningKey> current(SigningAlgorithm algorithm) {
                if (!looked) {
                    looked = true;
                    shared.saveIfAbsent(new SigningKey(winner.keyId(), SigningAlgorithm.RS256,
                            winner.signingKey().toJSONString(), Instant.EPOCH));
                    return Option.none();
                }
                return shared.current(algorithm);
            }

            @Override
            public boolean saveIfAbsent(SigningKey key) {
                return shared.saveIfAbsent(key);
            }

            @Override
            public io.vavr.collection.List<io.twofold.mfa.port.out.KeptSigningKey> all() {
                return shared.all();
            }

            @Override
            public boolean rotate(String expectedCurrentKeyId, SigningKey next, Instant at) {
                return shared.rotate(expectedCurrentKeyId, next, at);
            }

            @Override
            public int dropRetiredBefore(Instant cutoff) {
                return shared.dropRetiredBefore(cutoff);
            }
        };

        SigningKeys loser = SigningKeys.loadOrCreate(lateLooker, clock, new SeededRandomSource(3));

        assertThat(loser.keyId()).isEqualTo("test-key-1");
        assertThat(loser.signingKey()).isEqualTo(TestKeys.PRIMARY);
    }

    @Test
    void takesAConfiguredPrivateJwk() {
        SigningKeys keys = SigningKeys.fromConfiguredKey(TestKeys.PRIMARY.toJSONString());

        assertThat(keys.keyId()).isEqualTo("test-key-1");
        assertThat(keys.signingKey().isPrivate()).isTrue();
    }

    @Test
    void takesAConfiguredPemKeyInEitherFormWithTheThumbprintAsKid() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey priv = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        byte[] pkcs8 = priv.getEncoded();
        // A 2048-bit PKCS#8 RSA key: 26 bytes of headers, then the PKCS#1 structure.
        assertThat(pkcs8[22]).isEqualTo((byte) 0x04);
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);

        SigningKeys fromPkcs8 = SigningKeys.fromConfiguredKey(pem("PRIVATE KEY", pkcs8));
        SigningKeys fromPkcs1 = SigningKeys.fromConfiguredKey(pem("RSA PRIVATE KEY", pkcs1));

        assertThat(fromPkcs8.signingKey().toRSAPrivateKey().getPrivateExponent()).isEqualTo(priv.getPrivateExponent());
        assertThat(fromPkcs1.signingKey().toRSAPrivateKey().getPrivateExponent()).isEqualTo(priv.getPrivateExponent());
        assertThat(fromPkcs8.keyId()).isEqualTo(fromPkcs8.signingKey().computeThumbprint().toString());
        assertThat(fromPkcs1.keyId()).isEqualTo(fromPkcs8.keyId());
    }

    @Test
    void refusesWeakPublicOrUnreadableConfiguredKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        byte[] weak = generator.generateKeyPair().getPrivate().getEncoded();

        assertThatThrownBy(() -> SigningKeys.fromConfiguredKey(pem("PRIVATE KEY", weak))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.fromConfiguredKey(TestKeys.PRIMARY.toPublicJWK().toJSONString()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.fromConfiguredKey("not a key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.fromConfiguredKey("{\"kty\":\"RSA\",\"d\":\"secret-ish\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret-ish");
    }

    @Test
    void publishesOnlyThePublicKeyAndHidesThePrivateOneInToString() throws Exception {
        SigningKeys keys = SigningKeys.of(TestKeys.PRIMARY);
        JWKSet published = JWKSet.parse(keys.publicJwkSetJson());

        assertThat(published.containsNonPublicKeys()).isFalse();
        assertThat(((RSAKey) published.getKeyByKeyId("test-key-1")).getModulus()).isEqualTo(TestKeys.PRIMARY.getModulus());
        assertThat(keys.toString()).contains("test-key-1").doesNotContain(TestKeys.PRIMARY.getPrivateExponent().toString());
    }

    @Test
    void generatesAP256KeyBesideTheRsaKeyOnceAndEveryInstanceOverTheStoreReusesIt() {
        InMemorySigningKeyStore store = new InMemorySigningKeyStore();

        SigningKeys first = SigningKeys.loadOrCreate(store, clock, new SeededRandomSource(1));
        SigningKeys second = SigningKeys.loadOrCreate(store, clock, new SeededRandomSource(2));

        assertThat(second.ecSigningKey()).isEqualTo(first.ecSigningKey());
        assertThat(first.ecSigningKey().getCurve()).isEqualTo(Curve.P_256);
        assertThat(first.ecSigningKey().isPrivate()).isTrue();
        assertThat(first.ecKeyId()).isNotEqualTo(first.keyId());
        assertThat(store.current(SigningAlgorithm.ES256).map(SigningKey::keyId)).containsExactly(first.ecKeyId());
    }

    @Test
    void publishesTheEcKeyAsAnES256SigningKeyAfterTheRsaKey() throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(new InMemorySigningKeyStore(), clock, new SeededRandomSource(1));
        JWKSet published = JWKSet.parse(keys.publicJwkSetJson());

        assertThat(published.containsNonPublicKeys()).isFalse();
        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly(keys.keyId(), keys.ecKeyId());
        JWK ec = published.getKeyByKeyId(keys.ecKeyId());
        assertThat(ec.getKeyType()).isEqualTo(KeyType.EC);
        assertThat(((ECKey) ec).getCurve()).isEqualTo(Curve.P_256);
        assertThat(ec.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(ec.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(published.getKeyByKeyId(keys.keyId()).getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(keys.publicJwkSetJson()).doesNotContain("\"d\"");
        assertThat(keys.toString()).doesNotContain(keys.ecSigningKey().getD().toString());
    }

    @Test
    void aConfiguredRsaKeySignsRS256AndTheEcKeyComesFromTheStore() {
        InMemorySigningKeyStore store = new InMemorySigningKeyStore();
        SigningKeys stored = SigningKeys.loadOrCreate(store, clock, new SeededRandomSource(1));

        SigningKeys configured = SigningKeys.withConfiguredRsaKey(TestKeys.PRIMARY.toJSONString(), store, clock,
                new SeededRandomSource(2), KeyRefresh.DEFAULT, System::nanoTime);

        assertThat(configured.keyId()).isEqualTo("test-key-1");
        assertThat(configured.ecKeyId()).isEqualTo(stored.ecKeyId());
        assertThat(configured.verificationKey(stored.keyId())).as("the stored RSA key is not used").isEmpty();
    }

    @Test
    void withoutAStoreTheEcKeyIsThisProcesssOwn() {
        SigningKeys one = SigningKeys.fromConfiguredKey(TestKeys.PRIMARY.toJSONString());
        SigningKeys other = SigningKeys.fromConfiguredKey(TestKeys.PRIMARY.toJSONString());

        assertThat(one.keyId()).isEqualTo(other.keyId());
        assertThat(one.ecKeyId()).isNotEqualTo(other.ecKeyId());
    }

    @Test
    void refusesAStoredKeyOfTheWrongTypeForItsAlgorithm() {
        InMemorySigningKeyStore store = new InMemorySigningKeyStore();
        store.saveIfAbsent(new SigningKey("test-key-1", SigningAlgorithm.ES256, TestKeys.PRIMARY.toJSONString(),
                Instant.EPOCH));

        assertThatThrownBy(() -> SigningKeys.loadOrCreate(store, clock, new SeededRandomSource(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a valid EC JWK");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
