package io.twofold.mfa.contract;

import io.twofold.mfa.port.out.KeptSigningKey;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import org.junit.jupiter.api.BeforeEach;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static io.twofold.mfa.model.SigningAlgorithm.ES256;
import static io.twofold.mfa.model.SigningAlgorithm.RS256;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SigningKeyStore} must do, races included. Extend it with a fresh, empty store per test. */
public abstract class SigningKeyStoreContract {

    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    protected SigningKeyStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract SigningKeyStore newStore();

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    protected static SigningKey key(int n) {
        return new SigningKey("kid-" + n, RS256, "{\"kty\":\"RSA\",\"kid\":\"kid-" + n + "\",\"d\":\"secret-" + n + "\"}",
                T0.plusSeconds(n));
    }

    protected static SigningKey ecKey(int n) {
        return new SigningKey("ec-" + n, ES256, "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"ec-" + n
                + "\",\"d\":\"secret-" + n + "\"}", T0.plusSeconds(n));
    }

    @Test
    public void hasNoKeyAtFirst() {
        assertThat(store.current(RS256)).isEmpty();
    }

    @Test
    public void savesTheFirstKeyAndKeepsIt() {
        assertThat(store.saveIfAbsent(key(1))).isTrue();
        assertThat(store.saveIfAbsent(key(2))).isFalse();

        assertThat(store.current(RS256)).containsExactly(key(1));
    }

    @Test
    public void savesOneKeyWhenNodesRace() {
        List<SigningKey> keys = IntStream.range(0, Race.THREADS).mapToObj(SigningKeyStoreContract::key).toList();
        try (Race race = new Race()) {
            List<Boolean> results = race.run(thread -> store.saveIfAbsent(keys.get(thread)));

            assertThat(results.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
            assertThat(store.current(RS256)).containsExactly(keys.get(results.indexOf(true)));
        }
    }

    @Test
    public void rotationRetiresTheCurrentKeyAndKeepsItForVerifying() {
        store.saveIfAbsent(key(1));

        assertThat(store.rotate("kid-1", key(2), T0.plusSeconds(60))).isTrue();

        assertThat(store.current(RS256)).containsExactly(key(2));
        assertThat(store.all()).containsExactly(new KeptSigningKey(key(2), Option.none()),
                new KeptSigningKey(key(1), Option.some(T0.plusSeconds(60))));
    }

    @Test
    public void aRotationFromAKeyThatNoLongerSignsChangesNothing() {
        store.saveIfAbsent(key(1));
        store.rotate("kid-1", key(2), T0.plusSeconds(60));

        assertThat(store.rotate("kid-1", key(3), T0.plusSeconds(120))).isFalse();
        assertThat(store.rotate("kid-2", key(1), T0.plusSeconds(120))).as("a kid already kept").isFalse();
        assertThat(store.rotate("kid-9", key(4), T0)).isFalse();

        assertThat(store.all().map(kept -> kept.key().keyId())).containsExactly("kid-2", "kid-1");
    }

    @Test
    public void rotatingAnEmptyStoreDoesNothing() {
        assertThat(store.rotate("kid-1", key(2), T0)).isFalse();
        assertThat(store.all()).isEmpty();
    }

    @Test
    public void listsRetiredKeysMostRecentlyRetiredFirstAndDropsThemAfterTheirTime() {
        store.saveIfAbsent(key(1));
        store.rotate("kid-1", key(2), T0.plusSeconds(100));
        store.rotate("kid-2", key(3), T0.plusSeconds(200));

        assertThat(store.all().map(kept -> kept.key().keyId())).containsExactly("kid-3", "kid-2", "kid-1");
        assertThat(store.dropRetiredBefore(T0.plusSeconds(150))).isEqualTo(1);
        assertThat(store.all().map(kept -> kept.key().keyId())).containsExactly("kid-3", "kid-2");
        assertThat(store.dropRetiredBefore(T0.plusSeconds(10_000))).isEqualTo(1);
        assertThat(store.all().map(kept -> kept.key().keyId())).containsExactly("kid-3");
    }

    @Test
    public void oneRotationWinsWhenNodesRotateAtOnce() {
        store.saveIfAbsent(key(0));
        List<SigningKey> keys = IntStream.rangeClosed(1, Race.THREADS).mapToObj(SigningKeyStoreContract::key).toList();
        try (Race race = new Race()) {
            List<Boolean> results = race.run(thread -> store.rotate("kid-0", keys.get(thread), T0.plusSeconds(60)));

            assertThat(results.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
            SigningKey winner = keys.get(results.indexOf(true));
            assertThat(store.current(RS256)).containsExactly(winner);
            assertThat(store.all().map(kept -> kept.key().keyId())).containsExactly(winner.keyId(), "kid-0");
        }
    }

    @Test
    public void keepsOneCurrentKeyPerAlgorithm() {
        assertThat(store.saveIfAbsent(key(1))).isTrue();
        assertThat(store.current(ES256)).isEmpty();

        assertThat(store.saveIfAbsent(ecKey(1))).isTrue();
        assertThat(store.saveIfAbsent(ecKey(2))).isFalse();

        assertThat(store.current(RS256)).containsExactly(key(1));
        assertThat(store.current(ES256)).containsExactly(ecKey(1));
        assertThat(store.all()).containsExactly(new KeptSigningKey(key(1), Option.none()),
                new KeptSigningKey(ecKey(1), Option.none()));
    }

    @Test
    public void rotatesEachAlgorithmApartAndListsCurrentKeysFirst() {
        store.saveIfAbsent(ecKey(1));
        store.saveIfAbsent(key(1));

        assertThat(store.rotate("ec-1", ecKey(2), T0.plusSeconds(60))).isTrue();
        assertThat(store.current(RS256)).as("the RSA key is not touched").containsExactly(key(1));
        assertThat(store.rotate("kid-1", key(2), T0.plusSeconds(61))).isTrue();

        assertThat(store.current(ES256)).containsExactly(ecKey(2));
        assertThat(store.all()).containsExactly(new KeptSigningKey(key(2), Option.none()),
                new KeptSigningKey(ecKey(2), Option.none()),
                new KeptSigningKey(key(1), Option.some(T0.plusSeconds(61))),
                new KeptSigningKey(ecKey(1), Option.some(T0.plusSeconds(60))));
        assertThat(store.dropRetiredBefore(T0.plusSeconds(61))).isEqualTo(1);
        assertThat(store.all().map(kept -> kept.key().keyId())).containsExactly("kid-2", "ec-2", "kid-1");
    }

    @Test
    public void aRotationReplacesTheCurrentKeyOfItsOwnAlgorithmOnly() {
        store.saveIfAbsent(key(1));
        store.saveIfAbsent(ecKey(1));

        assertThat(store.rotate("kid-1", ecKey(2), T0.plusSeconds(60))).as("an RSA kid for an EC key").isFalse();
        assertThat(store.rotate("ec-1", key(2), T0.plusSeconds(60))).as("an EC kid for an RSA key").isFalse();

        assertThat(store.all().map(kept -> kept.key().keyId())).containsExactly("kid-1", "ec-1");
        assertThat(store.all().filter(KeptSigningKey::isCurrent)).hasSize(2);
    }

    @Test
    public void oneEcKeyIsSavedWhenNodesRace() {
        store.saveIfAbsent(key(0));
        List<SigningKey> keys = IntStream.range(0, Race.THREADS).mapToObj(SigningKeyStoreContract::ecKey).toList();
        try (Race race = new Race()) {
            List<Boolean> results = race.run(thread -> store.saveIfAbsent(keys.get(thread)));

            assertThat(results.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
            assertThat(store.current(ES256)).containsExactly(keys.get(results.indexOf(true)));
            assertThat(store.current(RS256)).containsExactly(key(0));
        }
    }
}
