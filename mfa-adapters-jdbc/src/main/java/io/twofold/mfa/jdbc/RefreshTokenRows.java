package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.PresentedRefreshToken;
import io.twofold.mfa.model.RefreshFamily;
import io.twofold.mfa.model.RefreshFamilyId;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Reads a {@code refresh_tokens} row joined with its family back into a presented token; binds optional instants. */
final class RefreshTokenRows extends TableRows<PresentedRefreshToken> {
    RefreshTokenRows() {
        super("");
    }

    @Override
    protected PresentedRefreshToken map(Columns row) throws SQLException {
        RefreshFamily family = new RefreshFamily(
                new RefreshFamilyId(row.text("family_id")),
                new UserId(row.text("user_id")),
                new ClientId(row.text("client_id")),
                Option.of(row.text("audience")),
                Scope.parse(row.text("scope")),
                row.bool("mfa_passed"),
                row.instant("created_at"),
                Option.of(row.instant("expires_at")),
                Option.of(row.instant("idle_expires_at")),
                Option.of(row.instant("revoked_at")));
        return new PresentedRefreshToken(new SecretHash(row.text("token_hash")), family, row.instant("retired_at") != null);
    }

    /** Binds an instant, or SQL NULL for none (an infinite lifetime). */
    static <S extends SqlStatement<S>> S bindAt(S statement, String name, Option<Instant> at) {
        return at.isDefined()
                ? statement.bind(name, Sql.at(at.get()))
                : statement.bindNull(name, Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
