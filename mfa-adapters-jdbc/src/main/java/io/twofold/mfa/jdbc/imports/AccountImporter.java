package io.twofold.mfa.jdbc.imports;

import io.twofold.mfa.jdbc.seal.SeedSealer;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.users.ProfileCache;
import io.vavr.control.Either;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Writes imported users: the user row, its password hash, profile, metadata and factors in ONE
 * transaction, so a user that is refused (or whose write fails) leaves no row behind. Factors are
 * active at once, TOTP seeds sealed like any other.
 */
public final class AccountImporter {
    /** What the write did. */
    public enum Outcome { INSERTED, UPDATED }

    /** Why a user was not written: an Auth0 job error code and a message that names no secret. */
    public record Refusal(String code, String message) {
    }

    private final Handles handles;
    private final SeedSealer seeds;
    private final ProfileCache profiles;
    private final SecureRandom random;
    private final Clock clock;

    public AccountImporter(Handles handles, SeedSealer seeds, ProfileCache profiles, SecureRandom random, Clock clock) {
        this.handles = handles;
        this.seeds = seeds;
        this.profiles = profiles;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Inserts the user, or with {@code upsert} updates the existing one (same id, username or email in
     * the connection): Auth0's upsert rule, what it does and does not change, is {@link ImportedAccount}'s.
     */
    public Either<Refusal, Outcome> write(ImportedAccount account, boolean upsert) {
        return Either.left(new Refusal("NOT_IMPLEMENTED", "not implemented yet"));
    }
}
