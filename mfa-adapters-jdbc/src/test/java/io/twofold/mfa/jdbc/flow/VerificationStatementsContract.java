package io.twofold.mfa.jdbc.flow;

import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.fake.FakeTokenIssuer;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.testing.AuditRowsQuery;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.otp.internal.Totp;
import io.twofold.mfa.policy.MfaSettings;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.usecase.MfaServices;
import io.twofold.mfa.testing.SeededRandomSource;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database statements of one mfa-otp verification, counted with a JDBI SQL logger on the real
 * stores, as the app wires them. A count, not a timing: it guards the round trips of the hot path
 * against a change that adds a read. The client's row is read first, every time: a rotated or
 * deleted secret must be refused on every node at once, so secrets are never checked from a cache.
 * Two writes come before the code is checked (the attempt reserved on the transaction and on the
 * user, so budgets hold under concurrency; one statement on PostgreSQL) and one after a right code
 * (the user's charge given back; on PostgreSQL in the completion's statement).
 */
public abstract class VerificationStatementsContract {
    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private static final String SECRET = "s3cret-for-statement-counting-0123456789";
    private static final ClientId CLIENT_ID = new ClientId("app");
    private static final ClientCredentials CLIENT = new ClientCredentials(CLIENT_ID, Option.some(SECRET));

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC);

    protected abstract JdbcStorage storage();

    /** The statements, by their first word and table, that one verification runs on this database. */
    protected abstract List<String> expectedStatements();

    @AfterEach
    void stopCounting() {
        storage().jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
    }

    @Test
    public void aVerificationRunsOnlyTheExpectedStatements() {
        JdbcStorage storage = storage();
        storage.clients().upsertClient(new Client(CLIENT_ID, "app", true, HashSet.of(GrantType.MFA_OTP), MfaPolicy.ALWAYS),
                Option.some(SECRET));
        VerifyOtp verify = services(storage).verifyOtp();
        // The first grant warms the caches (the user's profile), as every grant but a node's first finds them.
        assertThat(verify.verify(grant(storage, "warm", 1)).isRight()).isTrue();
        // A user this node never saw: the profile comes with the login state's join.
        VerifyOtpCommand counted = grant(storage, "counted", 2);

        storage.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.add(describe(context.getRenderedSql()));
            }
        });
        boolean succeeded = verify.verify(counted).isRight();
        storage.jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);

        assertThat(succeeded).isTrue();
        assertThat(statements).containsExactlyElementsOf(expectedStatements());
        assertThat(AuditRowsQuery.count(storage, "mfa.success", "tx-counted")).isEqualTo(1);
    }

    private MfaServices services(JdbcStorage storage) {
        return MfaServices.builder().users(storage.users()).clients(storage.clients())
                .authenticators(storage.authenticators()).tenant(storage.tenantPolicy())
                .transactions(storage.transactions()).loginStates(storage.loginStates()).challenges(storage.challenges())
                .attemptCounters(storage.attemptCounters()).tokens(new FakeTokenIssuer(clock, "https://twofold.test/"))
                .unitOfWork(storage.unitOfWork()).audit(storage.auditLog()).clock(clock)
                .random(new SeededRandomSource(3)).settings(MfaSettings.defaults("statements")).build();
    }

    /**
     * A user with an active TOTP authenticator and a recovery code (as every user who enrolled through
     * the MFA API has; one without gets a code at this login, a first-login-only cost) and an open
     * transaction; the grant with the right code.
     */
    private VerifyOtpCommand grant(JdbcStorage storage, String name, int seed) {
        UserId user = storage.users().upsertUser("Username-Password-Authentication", name, Option.none(),
                "a long enough password " + name);
        PendingAuthenticator totp = Authenticators.pendingTotp(user, seed, Authenticators.seed(seed), T0);
        storage.authenticators().add(totp);
        storage.authenticators().activate(totp.confirm(T0.plusSeconds(1)));
        storage.authenticators().addRecoveryCodeIfNone(new ActiveAuthenticator(
                new AuthenticatorId(AuthenticatorKind.RECOVERY_CODE, String.format("dev_%016d", seed)), user,
                new Factor.RecoveryCode(SecretHash.of("RECOVERYCODE" + name.toUpperCase(Locale.ROOT))), T0, T0));
        String token = "mfa-token-" + name;
        storage.transactions().add(new MfaTransaction(new TransactionId("tx-" + name), SecretHash.of(token), user,
                CLIENT_ID, Option.none(), Scope.parse("openid"), Option.none(), T0, T0.plus(Duration.ofMinutes(10)),
                0, false));
        Totp codes = new Totp(MfaSettings.defaults("statements").otp());
        String code = codes.codeAt(Authenticators.seed(seed).bytes(), clock.instant());
        return new VerifyOtpCommand(CLIENT, token, code);
    }

    /**
     * The verb and the first table after FROM, INTO or UPDATE: "UPDATE authenticators"; for a
     * data-modifying WITH, its first sub-statement's: "WITH mfa_transactions".
     */
    private static String describe(String sql) {
        String[] words = sql.strip().replace("(", "( ").replaceAll("\\s+", " ").split(" ");
        String verb = words[0].toUpperCase(Locale.ROOT);
        for (int i = 0; i < words.length - 1; i++) {
            String w = words[i].toUpperCase(Locale.ROOT);
            if (w.equals("FROM") || w.equals("INTO") || w.equals("UPDATE")) {
                return verb + " " + words[i + 1].toLowerCase(Locale.ROOT).replaceAll("[^a-z_]", "");
            }
        }
        return verb;
    }
}
