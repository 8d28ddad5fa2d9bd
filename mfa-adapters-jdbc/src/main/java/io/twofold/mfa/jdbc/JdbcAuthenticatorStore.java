package io.twofold.mfa.jdbc;

import io.twofold.mfa.jdbc.seal.Sealed;
import io.twofold.mfa.jdbc.seal.SeedSealer;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.AuthenticatorNotes;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TotpParameters;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.time.Instant;
import java.sql.Types;
import java.util.function.UnaryOperator;

/**
 * Authenticators in the {@code authenticators} table. Every state change is one conditional
 * UPDATE or DELETE whose row count says whether this call made it: the database, not a JVM lock,
 * decides the single winner of a race, across threads and nodes alike.
 */
public final class JdbcAuthenticatorStore implements AuthenticatorStore {
    private static final String COLUMNS = "id, user_id, kind, oob_address, seed_key_id, seed_sealed, recovery_hash,"
            + " created_at, expires_at, confirmed_at, enrolled_through, companion_of, totp_algorithm, totp_digits, totp_period";

    private final Handles handles;
    private final SeedSealer seeds;
    private final AuthenticatorRows rows;

    public JdbcAuthenticatorStore(Handles handles, SeedSealer seeds) {
        this.handles = handles;
        this.seeds = seeds;
        this.rows = new AuthenticatorRows(seeds, "");
    }

    @Override
    public void add(PendingAuthenticator authenticator) {
        insert(authenticator, update -> update
                .bind("expires", Sql.at(authenticator.expiresAt()))
                .bindNull("confirmed", Types.TIMESTAMP_WITH_TIMEZONE)
                .bind("name", (String) null)
                .bind("through", authenticator.enrollment().transaction().map(TransactionId::value).getOrNull())
                .bind("companionOf", authenticator.enrollment().companionOf().map(AuthenticatorId::value).getOrNull()));
    }

    @Override
    public void addConfirmed(ActiveAuthenticator authenticator, Option<String> name) {
        insert(authenticator, confirmed(authenticator, name));
    }

    private static UnaryOperator<Update> confirmed(ActiveAuthenticator authenticator, Option<String> name) {
        return update -> update
                .bindNull("expires", Types.TIMESTAMP_WITH_TIMEZONE)
                .bind("confirmed", Sql.at(authenticator.confirmedAt()))
                .bind("name", name.getOrNull())
                .bind("through", (String) null)
                .bind("companionOf", (String) null);
    }

    private void insert(Authenticator authenticator, UnaryOperator<Update> state) {
        handles.withHandle(handle -> insert(handle, authenticator, state));
    }

    private int insert(Handle handle, Authenticator authenticator, UnaryOperator<Update> state) {
        try {
            return state.apply(bindFactor(handle.createUpdate("INSERT INTO authenticators"
                                    + " (id, user_id, kind, oob_address, seed_key_id, seed_sealed, recovery_hash, created_at,"
                                    + " expires_at, confirmed_at, name, enrolled_through, companion_of, totp_algorithm, totp_digits,"
                                    + " totp_period) VALUES (:id, :user, :kind, :address, :keyId, :sealed, :recovery, :created,"
                                    + " :expires, :confirmed, :name, :through, :companionOf, :totpAlgorithm, :totpDigits,"
                                    + " :totpPeriod)"),
                            authenticator))
                    .bind("id", authenticator.id().value())
                    .bind("user", authenticator.userId().value())
                    .bind("kind", authenticator.id().kind().idPrefix())
                    .bind("created", Sql.at(authenticator.createdAt()))
                    .execute();
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new IllegalStateException("duplicate authenticator id " + authenticator.id(), e);
            }
            throw e;
        }
    }

    private Update bindFactor(Update update, Authenticator authenticator) {
        Factor factor = authenticator.factor();
        Option<Sealed> sealed = factor instanceof Factor.Totp totp
                ? Option.some(seeds.seal(authenticator.userId(), authenticator.id(), totp.seed()))
                : Option.none();
        // The default parameters are stored as NULL: the rows of every enrollment stay as they were.
        Option<TotpParameters> own = factor instanceof Factor.Totp totp && !totp.parameters().equals(TotpParameters.DEFAULT)
                ? Option.some(totp.parameters()) : Option.none();
        return update
                .bind("totpAlgorithm", own.map(p -> p.algorithm().name()).getOrNull())
                .bind("totpDigits", own.map(TotpParameters::digits).getOrNull())
                .bind("totpPeriod", own.map(TotpParameters::periodSeconds).getOrNull())
                .bind("address", factor instanceof Factor.Oob oob ? oob.address() : null)
                .bind("keyId", sealed.map(Sealed::keyId).getOrNull())
                .bind("sealed", sealed.map(Sealed::nonceAndCiphertext).getOrNull())
                .bind("recovery", factor instanceof Factor.RecoveryCode code ? code.codeHash().hex() : null);
    }

    @Override
    public List<Authenticator> findByUser(UserId user) {
        return handles.withHandle(handle -> List.ofAll(handle.createQuery("SELECT " + COLUMNS
                        + " FROM authenticators WHERE user_id = :user ORDER BY created_at, seq")
                .bind("user", user.value())
                .map(rows)
                .list()));
    }

    @Override
    public Option<Authenticator> find(UserId user, AuthenticatorId id) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery("SELECT " + COLUMNS
                        + " FROM authenticators WHERE id = :id AND user_id = :user")
                .bind("id", id.value())
                .bind("user", user.value())
                .map(rows)
                .findOne()));
    }

    @Override
    public List<Authenticator> findByDevice(String device) {
        // Every kind's id for the device: the primary key answers, no scan for a suffix.
        List<String> ids = List.of(AuthenticatorKind.values()).map(kind -> new AuthenticatorId(kind, device).value());
        return handles.withHandle(handle -> List.ofAll(handle.createQuery("SELECT " + COLUMNS
                        + " FROM authenticators WHERE id IN (<ids>) ORDER BY created_at, seq")
                .bindList("ids", ids.toJavaList())
                .map(rows)
                .list()));
    }

    @Override
    public Map<AuthenticatorId, AuthenticatorNotes> notesByUser(UserId user) {
        return handles.withHandle(handle -> HashMap.ofEntries(handle.createQuery(
                        "SELECT id, name, last_auth_at FROM authenticators WHERE user_id = :user")
                .bind("user", user.value())
                .map((rs, ctx) -> Map.entry(AuthenticatorId.parse(rs.getString("id")).get(), new AuthenticatorNotes(
                        Option.of(rs.getString("name")),
                        Option.of(Sql.instant(rs, "last_auth_at")))))
                .list()));
    }

    @Override
    public int rename(UserId user, List<AuthenticatorId> ids, Option<String> name) {
        if (ids.isEmpty()) {
            return 0;
        }
        return handles.withHandle(handle -> handle.createUpdate(
                        "UPDATE authenticators SET name = :name WHERE user_id = :user AND id IN (<ids>)")
                .bind("name", name.getOrNull())
                .bind("user", user.value())
                .bindList("ids", ids.map(AuthenticatorId::value).distinct().toJavaList())
                .execute());
    }

    @Override
    public boolean activate(ActiveAuthenticator confirmed) {
        return handles.withHandle(handle -> handle.createUpdate("UPDATE authenticators"
                        + " SET confirmed_at = :at, expires_at = NULL WHERE id = :id AND confirmed_at IS NULL")
                .bind("id", confirmed.id().value())
                .bind("at", Sql.at(confirmed.confirmedAt()))
                .execute()) == 1;
    }

    @Override
    public boolean activateFirst(ActiveAuthenticator confirmed, Set<AuthenticatorKind> uncounted) {
        UserId user = confirmed.userId();
        // Kinds come from the enum, never from input: safe to write into the statement.
        String skipped = uncounted.map(k -> " AND other.kind <> '" + k.idPrefix() + "'").mkString();
        return handles.inTransaction(handle -> {
            // Locks the user's rows first, in one order, so two first confirmations of one user take
            // turns; the second then sees the first's factor active and activates nothing.
            handle.createQuery("SELECT id FROM authenticators WHERE user_id = :user ORDER BY id FOR UPDATE")
                    .bind("user", user.value())
                    .mapTo(String.class)
                    .list();
            return handle.createUpdate("UPDATE authenticators SET confirmed_at = :at, expires_at = NULL"
                            + " WHERE id = :id AND user_id = :user AND confirmed_at IS NULL AND NOT EXISTS"
                            + " (SELECT 1 FROM authenticators other WHERE other.user_id = :user"
                            + " AND other.confirmed_at IS NOT NULL AND other.kind <> 'recovery-code'" + skipped + ")")
                    .bind("id", confirmed.id().value())
                    .bind("user", user.value())
                    .bind("at", Sql.at(confirmed.confirmedAt()))
                    .execute() == 1;
        });
    }

    @Override
    public int discardPending(UserId user) {
        return handles.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM authenticators WHERE user_id = :user AND confirmed_at IS NULL")
                .bind("user", user.value())
                .execute());
    }

    @Override
    public boolean acceptTotpStep(AuthenticatorId id, long step, Instant at) {
        // Compare-and-set: only a step later than every accepted one moves the marker (RFC 6238 5.2).
        // The last use rides on the same statement: keeping it costs the login nothing.
        return handles.withHandle(handle -> handle.createUpdate("UPDATE authenticators"
                        + " SET last_totp_step = :step, last_auth_at = :at"
                        + " WHERE id = :id AND (last_totp_step IS NULL OR last_totp_step < :step)")
                .bind("id", id.value())
                .bind("step", step)
                .bind("at", Sql.at(at))
                .execute()) == 1;
    }

    @Override
    public boolean replaceRecoveryCode(AuthenticatorId id, SecretHash expected, SecretHash replacement, Instant at) {
        // The old hash in the WHERE clause spends the code exactly once, however many try at once.
        return handles.withHandle(handle -> handle.createUpdate("UPDATE authenticators"
                        + " SET recovery_hash = :replacement, last_auth_at = :at"
                        + " WHERE id = :id AND kind = 'recovery-code' AND recovery_hash = :expected")
                .bind("at", Sql.at(at))
                .bind("id", id.value())
                .bind("expected", expected.hex())
                .bind("replacement", replacement.hex())
                .execute()) == 1;
    }

    @Override
    public void resetRecoveryCode(ActiveAuthenticator code) {
        UserId user = code.userId();
        handles.inTransaction(handle -> {
            // Locks the user's other rows first, in one order, so two resets take turns and the second
            // removes the first one's code before adding its own. Not the recovery codes' rows: those
            // come and go under the lock, and locking them would let two resets wait on each other.
            handle.createQuery("SELECT id FROM authenticators WHERE user_id = :user AND kind <> 'recovery-code'"
                            + " ORDER BY id FOR UPDATE")
                    .bind("user", user.value())
                    .mapTo(String.class)
                    .list();
            handle.createUpdate("DELETE FROM authenticators WHERE user_id = :user AND kind = 'recovery-code'")
                    .bind("user", user.value())
                    .execute();
            return insert(handle, code, confirmed(code, Option.none()));
        });
    }

    @Override
    public boolean addRecoveryCodeIfNone(ActiveAuthenticator code) {
        UserId user = code.userId();
        return handles.inTransaction(handle -> {
            // Locks the user's other rows first, in one order (as resetRecoveryCode does), so two first
            // logins of one user take turns; the second's NOT EXISTS, a fresh statement, then sees the
            // first's code. A user with no other row has no factor to log in with, so never gets here.
            handle.createQuery("SELECT id FROM authenticators WHERE user_id = :user AND kind <> 'recovery-code'"
                            + " ORDER BY id FOR UPDATE")
                    .bind("user", user.value())
                    .mapTo(String.class)
                    .list();
            boolean none = handle.createQuery("SELECT COUNT(*) FROM authenticators WHERE user_id = :user"
                            + " AND kind = 'recovery-code'")
                    .bind("user", user.value())
                    .mapTo(Long.class)
                    .one() == 0;
            return none && insert(handle, code, confirmed(code, Option.none())) == 1;
        });
    }

    @Override
    public int remove(UserId user, List<AuthenticatorId> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return handles.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM authenticators WHERE user_id = :user AND id IN (<ids>)")
                .bind("user", user.value())
                .bindList("ids", ids.map(AuthenticatorId::value).distinct().toJavaList())
                .execute());
    }

    @Override
    public int removeExpiredPending(Instant now) {
        return handles.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM authenticators WHERE confirmed_at IS NULL AND expires_at <= :now")
                .bind("now", Sql.at(now))
                .execute());
    }
}
