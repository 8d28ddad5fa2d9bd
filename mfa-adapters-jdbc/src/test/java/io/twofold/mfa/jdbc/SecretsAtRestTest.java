package io.twofold.mfa.jdbc;

import io.twofold.mfa.contract.RefreshTokenStoreContract;
import io.twofold.mfa.contract.TransactionStoreContract;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.jdbc.seal.Sealed;
import io.twofold.mfa.jdbc.seal.Sealer;
import io.twofold.mfa.jdbc.seal.SealingException;
import io.twofold.mfa.jdbc.seal.SeedSealer;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.ChallengeId;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.otp.internal.Base32;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invariant 7 on a real database: what the tables hold, column by column, is never a secret in clear. */
abstract class SecretsAtRestTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final UserId ALICE = new UserId("auth0|alice");
    private static final UserId BOB = new UserId("auth0|bob");
    private static final OtpSeed SEED = Authenticators.seed(0x41);
    private static final String MFA_TOKEN = "Fe26.mfa-token-7hQ2pZk9LrX4vW1sN8bC";
    private static final String OOB_CODE = "Fe26.oob-code-Jx5Tq0Yc3Vn7Mk2Rb6Hd";
    private static final String BINDING_CODE = "493817";
    private static final String RECOVERY_CODE = "N4QGVW7XKTZ2C8RJ5LYPHB3M";
    private static final String PASSWORD = "Tr0ub4dor&3-password";
    private static final String CLIENT_SECRET = "kP9v2Qx7Lm4Rt8Zw1Bn6Yc3Hd5Fg0JsA";
    private static final String SIGNING_SECRET = "private-exponent-Vb8Nm2Qw4Er6Ty";
    private static final String EC_SIGNING_SECRET = "ec-private-scalar-Hq3Lz7Xc9Pw2Md";
    private static final String REFRESH_TOKEN = "Fe26.refresh-token-Qm3Wx8Lp1Zr5Tk9Yb";
    private static final String NEXT_REFRESH_TOKEN = "Fe26.refresh-token-next-Hs4Dn7Cv2Jq6";

    protected abstract DatabaseExtension db();

    @Test
    void keepsNoSecretInClearInAnyColumnOfAnyTable() throws SQLException {
        JdbcStorage storage = db().storage();
        PendingAuthenticator totp = Authenticators.pendingTotp(ALICE, 1, SEED, T0);
        storage.authenticators().add(totp);
        storage.authenticators().activate(totp.confirm(T0.plusSeconds(30)));
        storage.authenticators().acceptTotpStep(totp.id(), 57_111_111L, T0);
        storage.authenticators().add(Authenticators.pendingRecoveryCode(ALICE, 2, RECOVERY_CODE, T0));
        storage.transactions().add(TransactionStoreContract.transaction("tx-1", MFA_TOKEN));
        storage.challenges().add(new OobChallenge(new ChallengeId("ch-1"), SecretHash.of(OOB_CODE),
                SecretHash.of(OOB_CODE, BINDING_CODE), Authenticators.id(AuthenticatorKind.SMS, 3), ALICE,
                T0, T0.plusSeconds(300), 0, false));
        storage.signingKeys().saveIfAbsent(new SigningKey("kid-1", SigningAlgorithm.RS256,
                "{\"d\":\"" + SIGNING_SECRET + "\"}", T0));
        storage.signingKeys().saveIfAbsent(new SigningKey("ec-1", SigningAlgorithm.ES256,
                "{\"kty\":\"EC\",\"d\":\"" + EC_SIGNING_SECRET + "\"}", T0));
        storage.users().upsertUser("Username-Password-Authentication", "alice", Option.none(), PASSWORD);
        storage.clients().upsertClient(new Client(new ClientId("web"),
                "Web", true, HashSet.empty(), MfaPolicy.ALWAYS), Option.some(CLIENT_SECRET));
        storage.refreshTokens().open(RefreshTokenStoreContract.family("fam-1", ALICE), SecretHash.of(REFRESH_TOKEN));
        storage.refreshTokens().rotate(SecretHash.of(REFRESH_TOKEN), SecretHash.of(NEXT_REFRESH_TOKEN),
                T0.plusSeconds(60), Option.none());
        storage.auditLog().record(new AuditEvent(T0, "mfa.verified", Option.some(ALICE), Option.none(),
                HashMap.of("authenticator", totp.id().value())));

        List<String> cells = allCells(db().database());

        byte[] seed = SEED.bytes();
        String seedHex = HexFormat.of().formatHex(seed);
        List<String> secrets = List.of(seedHex, seedHex.toUpperCase(Locale.ROOT), Base32.encode(seed),
                Base64.getEncoder().encodeToString(seed),
                new String(seed, StandardCharsets.ISO_8859_1), MFA_TOKEN, OOB_CODE, BINDING_CODE,
                RECOVERY_CODE, PASSWORD, CLIENT_SECRET, SIGNING_SECRET, EC_SIGNING_SECRET, REFRESH_TOKEN, NEXT_REFRESH_TOKEN);
        assertThat(cells).hasSizeGreaterThan(50);
        for (String secret : secrets) {
            assertThat(cells).noneMatch(cell -> cell.contains(secret));
        }
        // The hashes that stand in for them are there (so the scan did read those columns).
        assertThat(cells).contains(SecretHash.of(MFA_TOKEN).hex(), SecretHash.of(OOB_CODE).hex(),
                SecretHash.of(RECOVERY_CODE).hex(), SecretHash.of(REFRESH_TOKEN).hex(),
                SecretHash.of(NEXT_REFRESH_TOKEN).hex());
    }

    @Test
    void opensASealedSeedOnlyForTheUserAndAuthenticatorItWasSealedFor() throws SQLException {
        JdbcStorage storage = db().storage();
        PendingAuthenticator totp = Authenticators.pendingTotp(ALICE, 1, SEED, T0);
        storage.authenticators().add(totp);
        Sealed sealed = sealedSeed(totp.id());
        SeedSealer seeds = new SeedSealer(new Sealer(TestDatabases.KEYRING, new SecureRandom()));
        AuthenticatorId other = Authenticators.id(AuthenticatorKind.TOTP, 2);

        assertThat(seeds.open(ALICE, totp.id(), sealed)).isEqualTo(SEED);
        String seedHex = HexFormat.of().formatHex(SEED.bytes());
        assertThatThrownBy(() -> seeds.open(ALICE, other, sealed))
                .isInstanceOf(SealingException.class)
                .hasMessageNotContaining(seedHex);
        assertThatThrownBy(() -> seeds.open(BOB, totp.id(), sealed))
                .isInstanceOf(SealingException.class)
                .hasMessageNotContaining(seedHex);
    }

    @Test
    void refusesASealedSeedCopiedIntoAnotherRow() throws SQLException {
        JdbcStorage storage = db().storage();
        PendingAuthenticator alices = Authenticators.pendingTotp(ALICE, 1, SEED, T0);
        PendingAuthenticator mallorys = Authenticators.pendingTotp(BOB, 2, Authenticators.seed(9), T0);
        storage.authenticators().add(alices);
        storage.authenticators().add(mallorys);

        storage.jdbi().useHandle(handle -> handle.createUpdate("UPDATE authenticators SET"
                        + " seed_sealed = (SELECT seed_sealed FROM authenticators WHERE id = :from) WHERE id = :to")
                .bind("from", alices.id().value()).bind("to", mallorys.id().value()).execute());

        assertThatThrownBy(() -> storage.authenticators().find(BOB, mallorys.id()))
                .isInstanceOf(SealingException.class);
        assertThat(storage.authenticators().find(ALICE, alices.id()).map(a -> a.factor()))
                .containsExactly(new Factor.Totp(SEED));
    }

    private Sealed sealedSeed(AuthenticatorId id) throws SQLException {
        try (Connection connection = db().database().connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT seed_key_id, seed_sealed FROM authenticators WHERE id = '"
                     + id.value() + "'")) {
            assertThat(rs.next()).isTrue();
            return new Sealed(rs.getString(1), rs.getBytes(2));
        }
    }

    /** Every cell of every table as text; binary cells as lower and upper hex and as Latin-1 text. */
    private static List<String> allCells(TestDatabase database) throws SQLException {
        List<String> cells = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String table : TestDatabase.TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            Object value = rs.getObject(column);
                            if (value instanceof byte[] bytes) {
                                String hex = HexFormat.of().formatHex(bytes);
                                cells.add(hex);
                                cells.add(hex.toUpperCase(Locale.ROOT));
                                cells.add(new String(bytes, StandardCharsets.ISO_8859_1));
                            } else {
                                cells.add(String.valueOf(value));
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }
}
