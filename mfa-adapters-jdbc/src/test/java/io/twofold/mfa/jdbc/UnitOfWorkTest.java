package io.twofold.mfa.jdbc;

import io.twofold.mfa.contract.TransactionStoreContract;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.ChallengeId;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The unit of work on a real database: all of it commits, or none of it. */
abstract class UnitOfWorkTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final UserId ALICE = new UserId("auth0|alice");

    protected abstract DatabaseExtension db();

    private final MfaTransaction transaction = TransactionStoreContract.transaction("tx-1", "token-1");
    private final OobChallenge challenge = new OobChallenge(new ChallengeId("ch-1"), SecretHash.of("oob-1"),
            SecretHash.of("oob-1", "123456"), Authenticators.id(AuthenticatorKind.SMS, 1), ALICE,
            T0, T0.plusSeconds(300), 0, false);
    private final PendingAuthenticator totp = Authenticators.pendingTotp(ALICE, 1, Authenticators.seed(3), T0);

    @Test
    void leavesNothingWrittenWhenTheWorkThrows() {
        JdbcStorage storage = db().storage();

        assertThatThrownBy(() -> storage.unitOfWork().inTransaction(() -> {
            storage.transactions().add(transaction);
            storage.challenges().add(challenge);
            storage.authenticators().add(totp);
            throw new IllegalStateException("the sender failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the sender failed");

        assertThat(storage.transactions().findByTokenHash(SecretHash.of("token-1"))).isEmpty();
        assertThat(storage.challenges().findByCodeHash(SecretHash.of("oob-1"))).isEmpty();
        assertThat(storage.authenticators().findByUser(ALICE)).isEmpty();
    }

    @Test
    void commitsEverythingWhenTheWorkReturnsEvenAFailureValue() {
        JdbcStorage storage = db().storage();
        storage.transactions().add(transaction);

        Either<String, String> result = storage.unitOfWork().inTransaction(() -> {
            storage.challenges().add(challenge);
            storage.transactions().reserveAttempt(transaction.id(), 10);
            return Either.left("invalid_grant");
        });

        assertThat(result).isEqualTo(Either.left("invalid_grant"));
        assertThat(storage.challenges().findByCodeHash(SecretHash.of("oob-1"))).isNotEmpty();
        assertThat(storage.transactions().findByTokenHash(SecretHash.of("token-1")).map(MfaTransaction::failedAttempts))
                .containsExactly(1);
    }

    @Test
    void joinsAnOuterUnitOfWorkSoItsRollbackUndoesTheInnerWork() {
        JdbcStorage storage = db().storage();

        assertThatThrownBy(() -> storage.unitOfWork().inTransaction(() -> {
            storage.unitOfWork().inTransaction(() -> {
                storage.transactions().add(transaction);
                return null;
            });
            storage.authenticators().add(totp);
            throw new IllegalStateException("later step failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(storage.transactions().findByTokenHash(SecretHash.of("token-1"))).isEmpty();
        assertThat(storage.authenticators().findByUser(ALICE)).isEmpty();
    }

    @Test
    void keepsItsWritesInvisibleToOtherConnectionsUntilItCommits() {
        JdbcStorage storage = db().storage();

        int seenInside = storage.unitOfWork().inTransaction(() -> {
            storage.transactions().add(transaction);
            storage.challenges().add(challenge);
            // The stores read through the bound transaction, so they see their own writes...
            assertThat(storage.transactions().findByTokenHash(SecretHash.of("token-1"))).isNotEmpty();
            // ...while another connection does not, until the commit.
            return countFromAnotherConnection("mfa_transactions") + countFromAnotherConnection("oob_challenges");
        });

        assertThat(seenInside).isZero();
        assertThat(countFromAnotherConnection("mfa_transactions")).isEqualTo(1);
        assertThat(countFromAnotherConnection("oob_challenges")).isEqualTo(1);
    }

    private int countFromAnotherConnection(String table) {
        try (Connection connection = db().database().connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
