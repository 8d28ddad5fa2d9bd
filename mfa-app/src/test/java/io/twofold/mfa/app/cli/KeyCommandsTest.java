package io.twofold.mfa.app.cli;

import io.twofold.mfa.app.config.Setting;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.jdbc.JdbcConfig;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.KeptSigningKey;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The two key commands run in-process against PostgreSQL, configured by the same variables as the server. */
class KeyCommandsTest {
    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    static final String K1 = Base64.getEncoder().encodeToString(fill(1));
    static final String K2 = Base64.getEncoder().encodeToString(fill(2));

    TestDatabase database;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void database() {
        database = TestDatabases.postgres();
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void rotateMakesNewCurrentRsaAndEcKeysAndKeepsTheOldOnesForVerifying() {
        Map<Setting, String> env = environment("k1", K1);

        assertThat(run(new SigningKeyCommand(new OperatorStorage(env::get), clock()), "rotate")).isZero();
        assertThat(run(new SigningKeyCommand(new OperatorStorage(env::get), clock()), "rotate")).as(text(err)).isZero();

        List<KeptSigningKey> kept = on(keyring("k1", fill(1)), storage -> storage.signingKeys().all().toJavaList());
        assertThat(kept).hasSize(4);
        assertThat(kept).extracting(key -> key.key().algorithm()).containsExactly(SigningAlgorithm.RS256,
                SigningAlgorithm.ES256, SigningAlgorithm.RS256, SigningAlgorithm.ES256);
        assertThat(kept.get(0).isCurrent() && kept.get(1).isCurrent()).isTrue();
        assertThat(kept.get(2).retiredAt()).containsExactly(T0);
        assertThat(kept.get(3).retiredAt()).containsExactly(T0);
        assertThat(text(out)).contains("RSA signing key (RS256) " + kept.get(0).key().keyId() + " is current.",
                "EC signing key (ES256) " + kept.get(1).key().keyId() + " is current.",
                "Key " + kept.get(2).key().keyId() + " is retired", "Key " + kept.get(3).key().keyId() + " is retired",
                "within PT30S");
        out.reset();
        assertThat(run(new SigningKeyCommand(new OperatorStorage(env::get), clock()), "list")).isZero();
        assertThat(text(out).lines()).hasSize(4).first().asString().contains("RS256").endsWith("current");
        assertThat(text(out).lines().skip(1).findFirst()).get().asString().contains("ES256").endsWith("current");
    }

    @Test
    void withAConfiguredRsaKeyRotateTurnsTheEcKeyAloneAndSaysSo() {
        Map<Setting, String> env = environment("k1", K1).put(Setting.SIGNING_KEY, "{}");

        assertThat(run(new SigningKeyCommand(new OperatorStorage(env::get), clock()), "rotate")).as(text(err)).isZero();

        List<KeptSigningKey> kept = on(keyring("k1", fill(1)), storage -> storage.signingKeys().all().toJavaList());
        assertThat(kept).extracting(key -> key.key().algorithm()).containsExactly(SigningAlgorithm.ES256);
        assertThat(text(out)).contains("MFA_SIGNING_KEY is set", "EC signing key (ES256) ");
        assertThat(run(new SigningKeyCommand(new OperatorStorage(env::get), clock()), "spin")).isEqualTo(2);
    }

    @Test
    void resealMovesEverySeedToTheNewKeySoThatItAloneOpensThem() {
        PendingAuthenticator seed = Authenticators.pendingTotp(new UserId("auth0|jane"), 1, Authenticators.seed(7), T0);
        on(keyring("k1", fill(1)), storage -> {
            storage.authenticators().add(seed);
            return null;
        });
        Map<Setting, String> rotated = environment("k2", K2).put(Setting.SECRET_KEY_PREVIOUS, "k1:" + K1);

        int exit = run(new ResealCommand(new OperatorStorage(rotated::get)), "--batch-size", "1");

        assertThat(exit).as(text(err)).isZero();
        assertThat(text(out)).contains("Resealing under key k2: 1 values are sealed under other keys.",
                "authenticators: batch 1, 1 resealed", "Resealed 1 in 1 batches", "MFA_SECRET_KEY_PREVIOUS may be removed");
        io.vavr.control.Option<io.twofold.mfa.model.Factor> opened = on(keyring("k2", fill(2)),
                storage -> storage.authenticators().find(seed.userId(), seed.id()).map(found -> found.factor()));
        assertThat(opened).containsExactly(seed.factor());
    }

    @Test
    void resealWithoutTheOldKeySaysWhatIsMissingAndFails() {
        PendingAuthenticator seed = Authenticators.pendingTotp(new UserId("auth0|jane"), 1, Authenticators.seed(7), T0);
        on(keyring("k1", fill(1)), storage -> {
            storage.authenticators().add(seed);
            return null;
        });

        int exit = run(new ResealCommand(new OperatorStorage(environment("k2", K2)::get)));

        assertThat(exit).isEqualTo(1);
        assertThat(text(out)).contains("cannot be opened 1; left under other keys 1");
        assertThat(text(err)).contains("add the key they were sealed with to MFA_SECRET_KEY_PREVIOUS")
                .doesNotContain(K1).doesNotContain(K2);
        assertThat(run(new ResealCommand(new OperatorStorage(environment("k2", K2)::get)), "--batch-size", "0"))
                .isEqualTo(2);
    }

    private Map<Setting, String> environment(String keyId, String key) {
        return HashMap.of(Setting.DB_URL, database.url(), Setting.DB_USER, database.user(),
                Setting.DB_PASSWORD, database.password(), Setting.SECRET_KEY_ID, keyId, Setting.SECRET_KEY, key);
    }

    private int run(Command command, String... arguments) {
        return command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private <T> T on(Keyring keyring, Function<JdbcStorage, T> work) {
        JdbcConfig config = JdbcConfig.of(database.url(), database.user(), database.password(), keyring)
                .withPasswordHashing(TestDatabases.CHEAP_HASHING);
        try (JdbcStorage storage = JdbcStorage.start(database.schema().map(config::withSchema).getOrElse(config))) {
            return work.apply(storage);
        }
    }

    private static Clock clock() {
        return Clock.fixed(T0, ZoneOffset.UTC);
    }

    private static Keyring keyring(String id, byte[] key) {
        return Keyring.single(id, key);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    private static byte[] fill(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }

}
