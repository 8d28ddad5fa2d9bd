package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserProfile;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;

/**
 * The {@code users} statements of an import, on the import's own handle (its transaction): the same
 * columns and metadata index as {@link JdbcUserAccounts}, with a hash made elsewhere instead of a password.
 */
public final class ImportedUserRows {
    private static final UserProfileRows ROWS = new UserProfileRows();

    private ImportedUserRows() {
    }

    /** The users of the connection that have this id, username or email (any case): zero, one, or several. */
    public static List<UserProfile> matching(Handle handle, String connection, Option<UserId> id, Option<String> username,
                                             Option<EmailAddress> email) {
        return List.ofAll(handle.createQuery("SELECT * FROM users WHERE realm = :realm"
                        + " AND (id = :id OR login_key = :login OR email_key = :emailKey)")
                .bind("realm", connection)
                .bind("id", id.map(UserId::value).getOrNull())
                .bind("login", username.map(AccountRows::loginKey).getOrNull())
                .bind("emailKey", email.map(e -> AccountRows.loginKey(e.value())).getOrNull())
                .map(ROWS)
                .list());
    }

    /** Drops the user's profile from this node's cache after the import's transaction committed. */
    public static void forget(ProfileCache profiles, UserId id) {
        profiles.invalidate(id);
    }

    /** Whether a user with this id exists in any connection (ids are unique across them). */
    public static boolean idTaken(Handle handle, UserId id) {
        return handle.createQuery("SELECT COUNT(*) FROM users WHERE id = :id").bind("id", id.value())
                .mapTo(Long.class).one() > 0;
    }

    /** Inserts the user with this hash; false when a row with its id, username or email won a race to it. */
    public static boolean insert(Handle handle, UserProfile profile, String passwordHash) {
        // ON CONFLICT DO NOTHING: a taken id, username or email is a row count of 0, not an error that
        // would abort the import's PostgreSQL transaction.
        int inserted = JdbcUserAccounts.bindProfile(handle.createUpdate("INSERT INTO users (" + JdbcUserAccounts.COLUMNS
                        + ", password_hash) VALUES (:id, :realm, :username, :login, :email, :emailKey, :emailVerified,"
                        + " :phone, :phoneVerified, :givenName, :familyName, :name, :nickname, :picture, :userMetadata,"
                        + " :appMetadata, :blocked, :created, :updated, :passwordReset, :hash) ON CONFLICT DO NOTHING"),
                        profile)
                .bind("created", Sql.at(profile.createdAt()))
                .bind("hash", passwordHash)
                .execute();
        if (inserted == 1) {
            MetadataIndex.write(handle, profile);
        }
        return inserted == 1;
    }

    /** Writes the profile over the existing row (same id), and the hash when there is one. */
    public static void update(Handle handle, UserProfile profile, Option<String> passwordHash) {
        var statement = JdbcUserAccounts.bindProfile(handle.createUpdate("UPDATE users SET email_verified = :emailVerified,"
                + " phone_number = :phone, phone_verified = :phoneVerified, given_name = :givenName,"
                + " family_name = :familyName, name = :name, nickname = :nickname, picture = :picture,"
                + " user_metadata = :userMetadata, app_metadata = :appMetadata, updated_at = :updated,"
                + " last_password_reset = :passwordReset" + (passwordHash.isDefined() ? ", password_hash = :hash" : "")
                + " WHERE id = :id"), profile);
        passwordHash.forEach(hash -> statement.bind("hash", hash));
        statement.execute();
        MetadataIndex.write(handle, profile);
    }
}
