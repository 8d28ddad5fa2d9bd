package io.twofold.mfa.jdbc.imports;

import io.twofold.mfa.jdbc.users.hashes.StoredHash;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.NewFactor;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserProfile;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * One user of an import file, read and checked: what {@link AccountImporter} writes in one transaction.
 * {@code id} is the id the file gives ({@code auth0|<user_id>}), none for a new random one. A user
 * without a {@code password} cannot log in with one until an operator sets it. {@code passwordOnUpsert}
 * says whether an upsert replaces an existing user's hash with this one (Auth0: a
 * {@code custom_password_hash} does, a bcrypt {@code password_hash} does not). {@code toString} shows no hash.
 */
public record ImportedAccount(String connection, Option<UserId> id, Option<String> username, Option<EmailAddress> email,
                              boolean emailVerified, Option<String> phoneNumber, boolean phoneVerified,
                              UserProfile.Names names, Option<String> picture, Metadata userMetadata,
                              Metadata appMetadata, boolean blocked, Option<StoredHash> password,
                              boolean passwordOnUpsert, Option<Instant> passwordSetAt, List<NewFactor> factors) {
    public ImportedAccount {
        Objects.requireNonNull(connection, "connection");
        if (username.isEmpty() && email.isEmpty()) {
            throw new IllegalArgumentException("a user has a username or an email");
        }
    }
}
