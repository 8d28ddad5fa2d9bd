package io.twofold.mfa.jdbc.imports;

import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.JdbcUnitOfWork;
import io.twofold.mfa.jdbc.users.ImportedUserRows;
import io.twofold.mfa.jdbc.users.ProfileCache;
import io.twofold.mfa.jdbc.users.hashes.StoredHash;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.NewFactor;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Writes imported users: the user row, its password hash, profile, metadata and factors in ONE
 * transaction, so a user that is refused (or whose write fails) leaves no row behind. Factors are
 * active at once, TOTP seeds sealed like any other.
 */
public final class AccountImporter {
    /** What a user imported without a password hash holds: no scheme reads it, so no password matches. */
    static final String NO_PASSWORD = "!imported-without-password";
    private static final String ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** What the write did. */
    public enum Outcome { INSERTED, UPDATED }

    /** Why a user was not written: an Auth0 job error code and a message that names no secret. */
    public record Refusal(String code, String message) {
    }

    private final Handles handles;
    private final JdbcUnitOfWork unitOfWork;
    private final AuthenticatorStore authenticators;
    private final ProfileCache profiles;
    private final SecureRandom random;
    private final Clock clock;

    /** @param authenticators the JDBC store on the same {@code handles}, so its writes join the user's transaction */
    public AccountImporter(Handles handles, AuthenticatorStore authenticators, ProfileCache profiles, SecureRandom random,
                           Clock clock) {
        this.handles = handles;
        this.unitOfWork = new JdbcUnitOfWork(handles);
        this.authenticators = authenticators;
        this.profiles = profiles;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Inserts the user, or with {@code upsert} updates the existing one (same id, username or email in
     * the connection). An update follows Auth0's rule: it changes {@code email_verified}, the names,
     * {@code picture}, both metadata and a {@code custom_password_hash}; never the email, username,
     * id, {@code blocked}, or a bcrypt {@code password_hash}. Factors the user has already (same seed
     * and parameters, same address and channel) are kept; the others are added.
     */
    public Either<Refusal, Outcome> write(ImportedAccount account, boolean upsert) {
        Instant now = clock.instant();
        try {
            Written written = unitOfWork.inTransaction(() -> handles.inTransaction(handle -> {
                List<UserProfile> matching = ImportedUserRows.matching(handle, account.connection(), account.id(),
                        account.username(), account.email());
                if (matching.size() > 1) {
                    throw new Refused(duplicate("the user's user_id, username and email belong to different existing users"));
                }
                if (matching.isEmpty()) {
                    UserProfile profile = created(account, now);
                    if (account.id().isDefined() && ImportedUserRows.idTaken(handle, profile.id())
                            || !ImportedUserRows.insert(handle, profile, account.password().map(StoredHash::encoded)
                            .getOrElse(NO_PASSWORD))) {
                        throw new Refused(duplicate("a user with this user_id, username or email exists already"));
                    }
                    addFactors(profile.id(), account.factors(), List.empty(), now);
                    return new Written(profile.id(), Outcome.INSERTED);
                }
                UserProfile existing = matching.head();
                if (!upsert) {
                    throw new Refused(duplicate("The user already exist and upsert parameter is false"));
                }
                if (account.id().exists(id -> !id.equals(existing.id()))) {
                    throw new Refused(duplicate("the user's username or email belongs to an existing user with another user_id"));
                }
                Option<StoredHash> hash = account.password().filter(h -> account.passwordOnUpsert());
                ImportedUserRows.update(handle, updated(existing, account, hash.isDefined(), now), hash.map(StoredHash::encoded));
                addFactors(existing.id(), account.factors(), authenticators.findByUser(existing.id()), now);
                return new Written(existing.id(), Outcome.UPDATED);
            }));
            ImportedUserRows.forget(profiles, written.id());
            return Either.right(written.outcome());
        } catch (Refused refused) {
            return Either.left(refused.refusal);
        }
    }

    private static Refusal duplicate(String message) {
        return new Refusal("DUPLICATED_USER", message);
    }

    private UserProfile created(ImportedAccount a, Instant now) {
        UserId id = a.id().getOrElse(this::newId);
        return new UserProfile(id, a.connection(), a.username(), a.email(), a.emailVerified(), a.phoneNumber(),
                a.phoneVerified(), a.names(), a.picture(), a.userMetadata(), a.appMetadata(), a.blocked(), now, now,
                a.passwordSetAt());
    }

    private static UserProfile updated(UserProfile e, ImportedAccount a, boolean newHash, Instant now) {
        UserProfile.Names names = new UserProfile.Names(a.names().givenName().orElse(e.names().givenName()),
                a.names().familyName().orElse(e.names().familyName()), a.names().name().orElse(e.names().name()),
                a.names().nickname().orElse(e.names().nickname()));
        boolean newPhone = e.phoneNumber().isEmpty() && a.phoneNumber().isDefined();
        return new UserProfile(e.id(), e.connection(), e.username(), e.email(), a.emailVerified(),
                newPhone ? a.phoneNumber() : e.phoneNumber(), newPhone ? a.phoneVerified() : e.phoneVerified(), names,
                a.picture().orElse(e.picture()), a.userMetadata().isEmpty() ? e.userMetadata() : a.userMetadata(),
                a.appMetadata().isEmpty() ? e.appMetadata() : a.appMetadata(), e.blocked(), e.createdAt(), now,
                newHash ? a.passwordSetAt().orElse(Option.some(now)) : e.lastPasswordReset());
    }

    private void addFactors(UserId user, List<NewFactor> factors, List<Authenticator> existing, Instant now) {
        for (NewFactor factor : factors) {
            Factor stored = factor.factor();
            // A seed's equality is constant-time (OtpSeed.equals); a re-run of the same file adds nothing.
            if (existing.exists(a -> a.isActive() && a.factor().equals(stored))) {
                continue;
            }
            AuthenticatorId id = new AuthenticatorId(stored.kind(), deviceId());
            authenticators.addConfirmed(new ActiveAuthenticator(id, user, stored, now, now), factor.name());
        }
    }

    /** {@code auth0|} and 24 hex digits, Auth0's shape for a database connection's users. */
    private UserId newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return new UserId("auth0|" + HexFormat.of().formatHex(bytes));
    }

    private String deviceId() {
        StringBuilder device = new StringBuilder("dev_");
        for (int i = 0; i < 16; i++) {
            device.append(ALPHANUMERICS.charAt(random.nextInt(ALPHANUMERICS.length())));
        }
        return device.toString();
    }

    private record Written(UserId id, Outcome outcome) {
    }

    /** Thrown inside the transaction to roll it back: nothing of a refused user stays. */
    private static final class Refused extends RuntimeException {
        private final transient Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }
}
