package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.Password;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserPage;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.model.UserQuery;
import io.twofold.mfa.model.UserSort;
import io.twofold.mfa.port.out.UserAccounts;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

import java.sql.Types;

import java.util.Map;

/**
 * Operator access to the {@code users} table, the same rows {@link JdbcUserDirectory} checks
 * passwords against. Uniqueness of id, username and email per connection is the database's
 * (primary key, {@code users_realm_login}, {@code users_realm_email}), so concurrent creates of one
 * user leave one row. Every write forgets the user's profile in this node's cache at once; other
 * nodes' caches hold it at most their TTL, but their password checks read the row (and its
 * {@code blocked}) every time.
 */
public final class JdbcUserAccounts implements UserAccounts {
    private static final UserProfileRows ROWS = new UserProfileRows();
    static final String COLUMNS = "id, realm, username, login_key, email, email_key, email_verified,"
            + " phone_number, phone_verified, given_name, family_name, name, nickname, picture, user_metadata,"
            + " app_metadata, blocked, created_at, updated_at, last_password_reset";

    private static final Argument NO_TIME = (position, statement, context) ->
            statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);

    private final Handles handles;
    private final Argon2idHasher hasher;
    private final ProfileCache profiles;

    public JdbcUserAccounts(Handles handles, Argon2idHasher hasher, ProfileCache profiles) {
        this.handles = handles;
        this.hasher = hasher;
        this.profiles = profiles;
    }

    @Override
    public Outcome add(UserProfile profile, Password password) {
        // Hashed before any row is touched: the Argon2id work holds no lock.
        String hash = hasher.hash(password.value());
        Outcome outcome = handles.inTransaction(handle -> {
            // ON CONFLICT DO NOTHING: a taken id, username or email is a row count of 0, not an error that
            // would abort the caller's PostgreSQL transaction.
            int inserted = bindProfile(handle.createUpdate("INSERT INTO users (" + COLUMNS + ", password_hash) VALUES"
                    + " (:id, :realm, :username, :login, :email, :emailKey, :emailVerified, :phone, :phoneVerified,"
                    + " :givenName, :familyName, :name, :nickname, :picture, :userMetadata, :appMetadata, :blocked,"
                    + " :created, :updated, :passwordReset, :hash) ON CONFLICT DO NOTHING"), profile)
                    .bind("created", Sql.at(profile.createdAt()))
                    .bind("hash", hash)
                    .execute();
            if (inserted == 0) {
                return Outcome.DUPLICATE;
            }
            MetadataIndex.write(handle, profile);
            return Outcome.SAVED;
        });
        profiles.invalidate(profile.id());
        return outcome;
    }

    @Override
    public Option<UserProfile> find(UserId id) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", id.value())
                .map(ROWS)
                .findOne()));
    }

    @Override
    public UserPage search(UserQuery query, UserSort sort, int offset, int limit) {
        UserQuerySql.Where where = UserQuerySql.where(query);
        return handles.inTransaction(handle -> {
            long total = bindAll(handle.createQuery("SELECT COUNT(*) FROM users u WHERE " + where.sql()), where.parameters())
                    .mapTo(Long.class)
                    .one();
            List<UserProfile> page = offset >= total || limit == 0 ? List.empty()
                    : List.ofAll(bindAll(handle.createQuery("SELECT u.* FROM users u WHERE " + where.sql()
                                    + " ORDER BY " + UserQuerySql.orderBy(sort) + " LIMIT :limit OFFSET :offset"),
                            where.parameters())
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map(ROWS)
                    .list());
            return new UserPage(page, total);
        });
    }

    @Override
    public boolean knowsConnection(String connection) {
        return JdbcUserDirectory.DEFAULT_REALM.equals(connection)
                || handles.withHandle(handle -> handle.createQuery("SELECT 1 FROM users WHERE realm = :realm LIMIT 1")
                .bind("realm", connection)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }

    @Override
    public Outcome update(UserProfile profile, Option<Password> newPassword) {
        Option<String> hash = newPassword.map(p -> hasher.hash(p.value()));
        try {
            return handles.inTransaction(handle -> {
                if (taken(handle, profile)) {
                    return Outcome.DUPLICATE;
                }
                Update statement = bindProfile(handle.createUpdate("UPDATE users SET username = :username, login_key = :login,"
                        + " email = :email, email_key = :emailKey, email_verified = :emailVerified, phone_number = :phone,"
                        + " phone_verified = :phoneVerified, given_name = :givenName, family_name = :familyName,"
                        + " name = :name, nickname = :nickname, picture = :picture, user_metadata = :userMetadata,"
                        + " app_metadata = :appMetadata, blocked = :blocked, updated_at = :updated,"
                        + " last_password_reset = :passwordReset" + (hash.isDefined() ? ", password_hash = :hash" : "")
                        + " WHERE id = :id"), profile);
                hash.forEach(h -> statement.bind("hash", h));
                int updated = statement.execute();
                if (updated == 0) {
                    return Outcome.MISSING;
                }
                MetadataIndex.write(handle, profile);
                return Outcome.SAVED;
            });
        } catch (RuntimeException e) {
            // Two updates raced to one username or email past the check: the constraint decided. Nothing
            // else runs in this transaction after a DUPLICATE, and the caller's commit of it is a rollback.
            if (Sql.isUniqueViolation(e)) {
                return Outcome.DUPLICATE;
            }
            throw e;
        } finally {
            profiles.invalidate(profile.id());
        }
    }

    @Override
    public boolean remove(UserId id) {
        try {
            return handles.inTransaction(handle -> {
                handle.createUpdate("DELETE FROM user_metadata_values WHERE user_id = :id").bind("id", id.value()).execute();
                return handle.createUpdate("DELETE FROM users WHERE id = :id").bind("id", id.value()).execute() == 1;
            });
        } finally {
            profiles.invalidate(id);
        }
    }

    /**
     * Whether another user of the connection has this username or email. The unique constraints decide
     * a race between two updates; this check turns the common case into an answer instead of an error.
     */
    private static boolean taken(Handle handle, UserProfile profile) {
        return handle.createQuery("SELECT COUNT(*) FROM users WHERE realm = :realm AND id <> :id"
                        + " AND (login_key = :login OR email_key = :emailKey)")
                .bind("realm", profile.connection())
                .bind("id", profile.id().value())
                .bind("login", profile.username().map(AccountRows::loginKey).getOrNull())
                .bind("emailKey", profile.email().map(e -> AccountRows.loginKey(e.value())).getOrNull())
                .mapTo(Long.class)
                .one() > 0;
    }

    static <S extends SqlStatement<S>> S bindProfile(S statement, UserProfile p) {
        return statement
                .bind("id", p.id().value())
                .bind("realm", p.connection())
                .bind("username", p.username().getOrNull())
                .bind("login", p.username().map(AccountRows::loginKey).getOrNull())
                .bind("email", p.email().map(EmailAddress::value).getOrNull())
                .bind("emailKey", p.email().map(e -> AccountRows.loginKey(e.value())).getOrNull())
                .bind("emailVerified", p.emailVerified())
                .bind("phone", p.phoneNumber().getOrNull())
                .bind("phoneVerified", p.phoneVerified())
                .bind("givenName", p.names().givenName().getOrNull())
                .bind("familyName", p.names().familyName().getOrNull())
                .bind("name", p.names().name().getOrNull())
                .bind("nickname", p.names().nickname().getOrNull())
                .bind("picture", p.picture().getOrNull())
                .bind("userMetadata", json(p.userMetadata()))
                .bind("appMetadata", json(p.appMetadata()))
                .bind("blocked", p.blocked())
                .bind("updated", Sql.at(p.updatedAt()))
                .bind("passwordReset", p.lastPasswordReset().map(Sql::at).getOrElse(NO_TIME));
    }

    private static String json(Metadata metadata) {
        return metadata.isEmpty() ? null : JsonText.write(metadata.values());
    }

    private static <S extends SqlStatement<S>> S bindAll(S statement, Map<String, Object> parameters) {
        parameters.forEach(statement::bind);
        return statement;
    }
}
