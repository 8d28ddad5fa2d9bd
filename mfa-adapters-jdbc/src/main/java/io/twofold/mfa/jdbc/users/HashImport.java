package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.users.AccountRows.Account;
import io.twofold.mfa.jdbc.users.hashes.StoredHash;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Creates a user with a password hash made elsewhere (an import from Auth0 or Keycloak), or, when
 * asked to upsert, gives an existing one that hash and email. The plain password is never known;
 * the hash is checked in its own scheme at the first login and replaced by Argon2id then.
 */
final class HashImport {
    private final Handles handles;
    private final SecureRandom random;
    private final Clock clock;

    /** @param clock stamps new users */
    HashImport(Handles handles, SecureRandom random, Clock clock) {
        this.handles = handles;
        this.random = random;
        this.clock = clock;
    }

    /** A refusal is a reason for the import's error line: it names the user, never the hash. */
    Either<String, ImportedUser> importUser(String realm, String username, Option<String> email, StoredHash hash,
                                            boolean upsert) {
        if (realm == null || realm.isBlank() || username == null || username.isBlank()) {
            return Either.left("a user needs a realm and a username");
        }
        if (hash == null) {
            return Either.left("user " + username + " needs a password hash");
        }
        Either<String, Option<String>> checkedEmail = email.isEmpty() ? Either.right(Option.none())
                : EmailAddress.parse(email.get()).map(address -> Option.some(address.value()))
                        .mapLeft(reason -> "user " + username + ": " + reason);
        return checkedEmail.flatMap(address -> handles.inTransaction(handle -> {
            Option<Account> existing = UserRowWrites.byUsername(handle, realm, username);
            if (existing.isDefined()) {
                return update(handle, existing.get(), address, hash, upsert);
            }
            UserId id = UserRowWrites.newId(random);
            boolean inserted = UserRowWrites.insert(handle, id, realm, username, address, hash.encoded(), clock.instant());
            // Another node importing the same user at the same moment: its row stands, as an existing user.
            return inserted ? Either.right(new ImportedUser(id, true))
                    : update(handle, UserRowWrites.byUsername(handle, realm, username).get(), address, hash, upsert);
        }));
    }

    private static Either<String, ImportedUser> update(Handle handle, Account account, Option<String> email,
                                                       StoredHash hash, boolean upsert) {
        if (!upsert) {
            return Either.left("user " + account.user().username() + " already exists and upsert is false");
        }
        UserRowWrites.updateEmailAndHash(handle, account.user().id(), email, hash.encoded());
        return Either.right(new ImportedUser(account.user().id(), false));
    }
}
