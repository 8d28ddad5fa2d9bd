package io.twofold.mfa.jdbc.users;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.users.AccountRows.Account;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.time.Clock;

/** Creates a user or brings one up to date, as a bootstrap file or the load generator's seeding asks. */
final class UserUpsert {
    private final Handles handles;
    private final Argon2idHasher hasher;
    private final SecureRandom random;
    private final Clock clock;

    /** @param clock stamps new users */
    UserUpsert(Handles handles, Argon2idHasher hasher, SecureRandom random, Clock clock) {
        this.handles = handles;
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Creates the user, or brings an existing one (same realm and username, any case) up to date;
     * the password is rehashed only when it no longer verifies, so repeated bootstraps are cheap.
     */
    UserId upsert(String realm, String username, Option<String> email, String password) {
        if (realm == null || realm.isBlank() || username == null || username.isBlank()) {
            throw new IllegalArgumentException("a user needs a realm and a username");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("user " + username + " needs a password");
        }
        Option<String> checkedEmail = email.map(raw -> EmailAddress.parse(raw)
                .getOrElseThrow(reason -> new IllegalArgumentException("user " + username + ": " + reason))
                .value());
        return handles.inTransaction(handle -> {
            Option<Account> existing = UserRowWrites.byUsername(handle, realm, username);
            if (existing.isDefined()) {
                return update(handle, existing.get(), checkedEmail, password);
            }
            UserId id = UserRowWrites.newId(random);
            boolean inserted = UserRowWrites.insert(handle, id, realm, username, checkedEmail, hasher.hash(password),
                    clock.instant());
            // Another node bootstrapping the same user at the same moment: its row stands.
            return inserted ? id
                    : update(handle, UserRowWrites.byUsername(handle, realm, username).get(), checkedEmail, password);
        });
    }

    private UserId update(Handle handle, Account account, Option<String> email, String password) {
        String hash = hasher.verify(password, account.passwordHash()) ? account.passwordHash() : hasher.hash(password);
        UserRowWrites.updateEmailAndHash(handle, account.user().id(), email, hash);
        return account.user().id();
    }
}
