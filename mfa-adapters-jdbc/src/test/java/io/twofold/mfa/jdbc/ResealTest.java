package io.twofold.mfa.jdbc;

import io.twofold.mfa.contract.Race;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.seal.SealingException;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.SigningKey;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sealing-key rotation on a real database: seal with k1, rotate to k2 keeping k1 for reading,
 * reseal, then k2 alone opens every seed and signing key; a stopped reseal resumes; two resealers
 * at once lose nothing.
 */
abstract class ResealTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Keyring K1 = Keyring.single("k1", key(1));
    private static final Keyring K2_READING_K1 = Keyring.of("k2", Map.of("k2", key(2), "k1", key(1)));
    private static final Keyring K2 = Keyring.single("k2", key(2));
    private static final int SEEDS = 7;
    /** The RSA key and the EC key. */
    private static final int SIGNING_KEYS = 2;

    protected abstract DatabaseExtension db();

    @Test
    void afterAResealTheNewKeyAloneOpensEverySeedAndSigningKey() {
        List<PendingAuthenticator> seeds = sealWithK1();

        Resealer.Summary summary = on(K2_READING_K1, storage -> storage.resealer().run(3, 100, line -> { }));

        assertThat(summary).isEqualTo(new Resealer.Summary(SEEDS + SIGNING_KEYS, 0, 0, 4, true));
        on(K2, storage -> {
            assertThat(storage.resealer().remaining()).isZero();
            seeds.forEach(seed -> assertThat(storage.authenticators().find(seed.userId(), seed.id()).map(a -> a.factor()))
                    .containsExactly(seed.factor()));
            assertThat(storage.signingKeys().current(SigningAlgorithm.RS256).map(SigningKey::keyId)).containsExactly("kid-1");
            assertThat(storage.signingKeys().current(SigningAlgorithm.ES256).map(SigningKey::keyId)).containsExactly("ec-1");
            return null;
        });
    }

    @Test
    void aStoppedResealIsTakenUpByTheNextRun() {
        List<PendingAuthenticator> seeds = sealWithK1();
        java.util.List<String> progress = new java.util.ArrayList<>();

        Resealer.Summary first = on(K2_READING_K1, storage -> storage.resealer().run(2, 2, progress::add));
        assertThat(first.finished()).isFalse();
        assertThat(first.resealed()).isEqualTo(4);
        long left = on(K2_READING_K1, storage -> storage.resealer().remaining());
        assertThat(left).isEqualTo(SEEDS + SIGNING_KEYS - 4);
        assertThat(progress).containsExactly("authenticators: batch 1, 2 resealed", "authenticators: batch 2, 4 resealed");

        Resealer.Summary second = on(K2_READING_K1, storage -> storage.resealer().run(2, 100, line -> { }));

        assertThat(second.finished()).isTrue();
        assertThat(second.resealed()).isEqualTo(SEEDS + SIGNING_KEYS - 4);
        on(K2, storage -> {
            seeds.forEach(seed -> assertThat(storage.authenticators().find(seed.userId(), seed.id())).isNotEmpty());
            return null;
        });
    }

    @Test
    void withoutAResealTheNewKeyAloneCannotOpenTheOldSeeds() {
        List<PendingAuthenticator> seeds = sealWithK1();

        on(K2, storage -> {
            assertThatThrownBy(() -> storage.authenticators().find(seeds.head().userId(), seeds.head().id()))
                    .isInstanceOf(SealingException.class);
            Resealer.Summary summary = storage.resealer().run(10, 10, line -> { });
            assertThat(summary.unopenable()).isEqualTo(SEEDS + SIGNING_KEYS);
            assertThat(summary.resealed()).isZero();
            return null;
        });
    }

    @Test
    void resealersRacingEachOtherResealEveryValueOnce() {
        List<PendingAuthenticator> seeds = sealWithK1();

        List<Resealer.Summary> results = on(K2_READING_K1, storage -> {
            try (Race race = new Race(8)) {
                return List.ofAll(race.run(thread -> storage.resealer().run(2, 100, line -> { })));
            }
        });

        assertThat(results.map(Resealer.Summary::resealed).sum().intValue()).isEqualTo(SEEDS + SIGNING_KEYS);
        assertThat(results.map(Resealer.Summary::unopenable).sum().intValue()).isZero();
        on(K2, storage -> {
            assertThat(storage.resealer().remaining()).isZero();
            seeds.forEach(seed -> assertThat(storage.authenticators().find(seed.userId(), seed.id()).map(a -> a.factor()))
                    .containsExactly(seed.factor()));
            return null;
        });
    }

    private List<PendingAuthenticator> sealWithK1() {
        List<PendingAuthenticator> seeds = List.range(0, SEEDS).map(n -> Authenticators.pendingTotp(
                new UserId("auth0|user-" + n), n + 1, Authenticators.seed(n + 1), T0));
        on(K1, storage -> {
            seeds.forEach(storage.authenticators()::add);
            storage.signingKeys().saveIfAbsent(new SigningKey("kid-1", SigningAlgorithm.RS256,
                    "{\"kty\":\"RSA\",\"kid\":\"kid-1\"}", T0));
            storage.signingKeys().saveIfAbsent(new SigningKey("ec-1", SigningAlgorithm.ES256,
                    "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"ec-1\"}", T0));
            return null;
        });
        return seeds;
    }

    /** Storage on the test database sealed with {@code keyring}, closed after {@code work}. */
    private <T> T on(Keyring keyring, Function<JdbcStorage, T> work) {
        TestDatabase database = db().database();
        JdbcConfig config = JdbcConfig.of(database.url(), database.user(), database.password(), keyring)
                .withPasswordHashing(TestDatabases.CHEAP_HASHING);
        try (JdbcStorage storage = JdbcStorage.start(database.schema().map(config::withSchema).getOrElse(config))) {
            return work.apply(storage);
        }
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
