package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.seal.Sealed;
import io.twofold.mfa.jdbc.seal.SeedSealer;
import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.Enrollment;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TotpParameters;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;

import java.sql.SQLException;
import java.time.Instant;

/** Reads an {@code authenticators} row back into a pending or active authenticator, opening the sealed seed. */
final class AuthenticatorRows extends TableRows<Authenticator> {
    private final SeedSealer seeds;

    AuthenticatorRows(SeedSealer seeds, String prefix) {
        super(prefix);
        this.seeds = seeds;
    }

    @Override
    protected Authenticator map(Columns row) throws SQLException {
        AuthenticatorId id = AuthenticatorId.parse(row.text("id"))
                .getOrElseThrow(() -> new IllegalStateException("unreadable authenticator id in the database"));
        UserId user = new UserId(row.text("user_id"));
        Factor factor = factor(row, id, user);
        Instant created = row.instant("created_at");
        Instant confirmed = row.instant("confirmed_at");
        return confirmed == null
                ? new PendingAuthenticator(id, user, factor, created, row.instant("expires_at"), enrollment(row))
                : new ActiveAuthenticator(id, user, factor, created, confirmed);
    }

    private static Enrollment enrollment(Columns row) throws SQLException {
        Option<AuthenticatorId> companionOf = Option.of(row.text("companion_of"))
                .map(value -> AuthenticatorId.parse(value)
                        .getOrElseThrow(() -> new IllegalStateException("unreadable authenticator id in the database")));
        return new Enrollment(Option.of(row.text("enrolled_through")).map(TransactionId::new), companionOf);
    }

    /** NULL columns: the default every enrollment uses; set only for an imported authenticator's own. */
    private static TotpParameters parameters(Columns row) throws SQLException {
        String algorithm = row.text("totp_algorithm");
        return algorithm == null ? TotpParameters.DEFAULT : new TotpParameters(TotpParameters.Algorithm.valueOf(algorithm),
                row.integer("totp_digits"), row.integer("totp_period"));
    }

    private Factor factor(Columns row, AuthenticatorId id, UserId user) throws SQLException {
        switch (id.kind()) {
            case TOTP:
                Sealed sealed = new Sealed(row.text("seed_key_id"), row.bytes("seed_sealed"));
                return new Factor.Totp(seeds.open(user, id, sealed), parameters(row));
            case RECOVERY_CODE:
                return new Factor.RecoveryCode(new SecretHash(row.text("recovery_hash")));
            default:
                OobChannel channel = id.kind().oobChannel()
                        .getOrElseThrow(() -> new IllegalStateException("no channel for " + id.kind()));
                return new Factor.Oob(channel, row.text("oob_address"));
        }
    }
}
