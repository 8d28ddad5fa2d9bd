package io.twofold.mfa.http.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.SignedJWT;
import io.twofold.mfa.memory.InMemorySigningKeyStore;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.KeptSigningKey;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import io.twofold.mfa.testing.MutableClock;
import io.twofold.mfa.testing.SeededRandomSource;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.twofold.mfa.model.SigningAlgorithm.ES256;
import static io.twofold.mfa.model.SigningAlgorithm.RS256;
import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes over one key store: a rotation is signed with everywhere within the interval, and tokens of both keys verify. */
class KeyRotationTest {
    static final String ISSUER = "https://mfa.example.com/";
    static final String API = ISSUER + "api/v2/";
    static final Duration EVERY = Duration.ofSeconds(30);
    static final Duration KEPT = Duration.ofHours(25);
    static final String ES_API = "https://es.example.com/";

    final MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");
    final AtomicLong nanos = new AtomicLong();
    final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    final SigningKeys nodeA = SigningKeys.loadOrCreate(store, clock, new SeededRandomSource(1), new KeyRefresh(EVERY, KEPT), nanos::get);
    final SigningKeys nodeB = SigningKeys.loadOrCreate(store, clock, new SeededRandomSource(2), new KeyRefresh(EVERY, KEPT), nanos::get);
    final JwtTokenIssuer issuerA = issuer(nodeA);
    final JwtTokenIssuer issuerB = issuer(nodeB);

    @Test
    void everyNodeSignsWithTheNewKeyOnceTheIntervalHasPassed() throws Exception {
        String before = nodeA.keyId();

        SigningKeyRotation.Rotation rotation = SigningKeyRotation.rotate(store, clock, new SeededRandomSource(3), KEPT).of(RS256);

        assertThat(rotation.rotated()).isTrue();
        assertThat(rotation.previous()).containsExactly(before);
        assertThat(kid(token(issuerA))).as("not yet re-read").isEqualTo(before);
        nanos.addAndGet(EVERY.toNanos());
        assertThat(kid(token(issuerA))).isEqualTo(rotation.current());
        assertThat(kid(token(issuerB))).isEqualTo(rotation.current());
        assertThat(rsaKids(nodeB)).containsExactly(rotation.current(), before);
    }

    @Test
    void tokensOfTheOldAndTheNewKeyVerifyOnEveryNode() {
        String old = token(issuerA);
        SigningKeyRotation.rotate(store, clock, new SeededRandomSource(3), KEPT);
        nanos.addAndGet(EVERY.toNanos());
        String fresh = token(issuerA);

        for (JwtTokenIssuer node : java.util.List.of(issuerA, issuerB)) {
            assertThat(node.verifyMachineToken(old, API).isRight()).isTrue();
            assertThat(node.verifyMachineToken(fresh, API).isRight()).isTrue();
        }
    }

    @Test
    void aTokenOfAKeyThisNodeHasNotReadYetVerifiesAtOnce() {
        SigningKeyRotation.rotate(store, clock, new SeededRandomSource(3), KEPT);
        SigningKeys nodeC = SigningKeys.loadOrCreate(store, clock, new SeededRandomSource(4), new KeyRefresh(EVERY, KEPT), nanos::get);
        String signedByTheNewKey = token(issuer(nodeC));

        assertThat(issuerB.verifyMachineToken(signedByTheNewKey, API).isRight()).isTrue();
    }

    @Test
    void aRetiredKeyIsForgottenWhenItsTokensHaveExpired() throws Exception {
        String before = nodeA.keyId();
        String ecBefore = nodeA.ecKeyId();
        SigningKeyRotation.Rotations rotation = SigningKeyRotation.rotate(store, clock, new SeededRandomSource(3), KEPT);

        clock.advance(KEPT.plusSeconds(1));
        nanos.addAndGet(EVERY.toNanos());

        assertThat(JWKSet.parse(nodeA.publicJwkSetJson()).getKeys()).extracting(key -> key.getKeyID())
                .containsExactly(rotation.of(RS256).current(), rotation.of(ES256).current());
        assertThat(nodeA.verificationKey(before)).isEmpty();
        assertThat(nodeA.verificationKey(ecBefore)).isEmpty();
        assertThat(SigningKeyRotation.rotate(store, clock, new SeededRandomSource(5), KEPT).dropped()).isEqualTo(2);
    }

    @Test
    void aStoreThatCannotBeReadLeavesTheKeysAsTheyAre() {
        AtomicBoolean down = new AtomicBoolean();
        SigningKeys keys = SigningKeys.loadOrCreate(failing(down), clock, new SeededRandomSource(6),
                new KeyRefresh(EVERY, KEPT), nanos::get);
        String kid = keys.keyId();
        down.set(true);
        nanos.addAndGet(EVERY.toNanos());

        assertThat(keys.keyId()).isEqualTo(kid);
        assertThat(keys.verificationKey("not-a-kid")).isEmpty();
        assertThat(keys.verificationKey(kid)).isNotEmpty();
    }

    @Test
    void ofTwoRotationsFromTheSameKeyOnlyOneTakes() {
        String before = nodeA.keyId();
        SigningKey first = new SigningKey("first", RS256, TestKeys.PRIMARY.toJSONString(), Instant.EPOCH);
        SigningKey second = new SigningKey("second", RS256, TestKeys.PRIMARY.toJSONString(), Instant.EPOCH);

        assertThat(store.rotate(before, first, clock.instant())).isTrue();
        assertThat(store.rotate(before, second, clock.instant())).isFalse();
    }

    private SigningKeyStore failing(AtomicBoolean down) {
        return new SigningKeyStore() {
            @Override
            public Option<SigningKey> current(SigningAlgorithm algorithm) {
                return store.current(algorithm);
            }

            @Override
            public boolean saveIfAbsent(SigningKey key) {
                return store.saveIfAbsent(key);
            }

            @Override
            public List<KeptSigningKey> all() {
                if (down.get()) {
                    throw new IllegalStateException("the database cannot be reached");
                }
                return store.all();
            }

            @Override
            public boolean rotate(String expectedCurrentKeyId, SigningKey next, Instant at) {
                return store.rotate(expectedCurrentKeyId, next, at);
            }

            @Override
            public int dropRetiredBefore(Instant cutoff) {
                return store.dropRetiredBefore(cutoff);
            }
        };
    }

    @Test
    void theEcKeyRotatesWithTheRsaKeyAndTokensOfTheOldOneStillVerify() throws Exception {
        String ecBefore = nodeA.ecKeyId();
        String old = userToken(issuerA);

        SigningKeyRotation.Rotation rotation = SigningKeyRotation.rotate(store, clock, new SeededRandomSource(3), KEPT).of(ES256);
        nanos.addAndGet(EVERY.toNanos());
        String fresh = userToken(issuerB);

        assertThat(rotation.rotated()).isTrue();
        assertThat(rotation.previous()).containsExactly(ecBefore);
        assertThat(kid(old)).isEqualTo(ecBefore);
        assertThat(kid(fresh)).isEqualTo(rotation.current());
        assertThat(JWKSet.parse(nodeA.publicJwkSetJson()).getKeys()).filteredOn(key -> key.getKeyType() == KeyType.EC)
                .extracting(key -> key.getKeyID()).containsExactly(rotation.current(), ecBefore);
        for (JwtTokenIssuer node : java.util.List.of(issuerA, issuerB)) {
            assertThat(node.verifyAccessToken(old).isRight()).isTrue();
            assertThat(node.verifyAccessToken(fresh).isRight()).isTrue();
        }
    }

    /** A user's ES256 token for {@link #ES_API}. */
    private String userToken(JwtTokenIssuer issuer) {
        return issuer.issue(new io.twofold.mfa.port.out.TokenRequest(new io.twofold.mfa.model.User(new io.twofold.mfa.model.UserId("auth0|alice"), "alice", Option.none()),
                new ClientId("web"), Option.some(ES_API), Scope.parse("read:things"), true, clock.instant())).accessToken();
    }

    private static List<String> rsaKids(SigningKeys keys) throws java.text.ParseException {
        return List.ofAll(JWKSet.parse(keys.publicJwkSetJson()).getKeys()).filter(key -> key.getKeyType() == KeyType.RSA)
                .map(key -> key.getKeyID());
    }

    private JwtTokenIssuer issuer(SigningKeys keys) {
        return new JwtTokenIssuer(JwtSettings.forIssuer(ISSUER), clock, keys, new SeededRandomSource(9),
                RsaSigningProvider.choose(RsaSigningProvider.Mode.JDK),
                audience -> audience.equals(ES_API) ? ES256 : RS256);
    }

    private String token(JwtTokenIssuer issuer) {
        return issuer.machineToken(new ClientId("machine"), API, Scope.parse("read:users"), Duration.ofHours(24));
    }

    private static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
