package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.seal.Sealed;
import io.twofold.mfa.jdbc.seal.SeedSealer;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.Enrollment;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reads an {@code authenticators} row back into a pending or active authenticator, opening the sealed seed. */
final class AuthenticatorRows implements RowMapper<Authenticator> {
    private final SeedSealer seeds;
    private final String prefix;

    AuthenticatorRows(SeedSealer seeds) {
        this(seeds, "");
    }

    /** Reads the columns named {@code prefix} + column name: the table joined into another query. */
    AuthenticatorRows(SeedSealer seeds, String prefix) {
        this.seeds = seeds;
        this.prefix = prefix;
    }

    @Override
    public Authenticator map(ResultSet rs, StatementContext ctx) throws SQLException {
        AuthenticatorId id = AuthenticatorId.parse(rs.getString(prefix + "id"))
                .getOrElseThrow(() -> new IllegalStateException("unreadable authenticator id in the database"));
        UserId user = new UserId(rs.getString(prefix + "user_id"));
        Factor factor = factor(rs, id, user);
        Instant created = Sql.instant(rs, prefix + "created_at");
        Instant confirmed = Sql.instant(rs, prefix + "confirmed_at");
        return confirmed == null
                ? new PendingAuthenticator(id, user, factor, created, Sql.instant(rs, prefix + "expires_at"), enrollment(rs))
                : new ActiveAuthenticator(id, user, factor, created, confirmed);
    }

    private Enrollment enrollment(ResultSet rs) throws SQLException {
        Option<AuthenticatorId> companionOf = Option.of(rs.getString(prefix + "companion_of"))
                .map(value -> AuthenticatorId.parse(value)
                        .getOrElseThrow(() -> new IllegalStateException("unreadable authenticator id in the database")));
        return new Enrollment(Option.of(rs.getString(prefix + "enrolled_through")).map(TransactionId::new), companionOf);
    }

    private Factor factor(ResultSet rs, AuthenticatorId id, UserId user) throws SQLException {
        switch (id.kind()) {
            case TOTP:
                Sealed sealed = new Sealed(rs.getString(prefix + "seed_key_id"), rs.getBytes(prefix + "seed_sealed"));
                return new Factor.Totp(seeds.open(user, id, sealed));
            case RECOVERY_CODE:
                return new Factor.RecoveryCode(new SecretHash(rs.getString(prefix + "recovery_hash")));
            default:
                OobChannel channel = id.kind().oobChannel()
                        .getOrElseThrow(() -> new IllegalStateException("no channel for " + id.kind()));
                return new Factor.Oob(channel, rs.getString(prefix + "oob_address"));
        }
    }
}
