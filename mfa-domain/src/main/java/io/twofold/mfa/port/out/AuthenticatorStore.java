package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AuthenticatorKind;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorNotes;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * Users' authenticators (TOTP seeds, out-of-band addresses, the recovery code). Every method that
 * changes state is a compare-and-set: it returns whether this call made the change, so a race
 * between nodes has exactly one winner.
 */
public interface AuthenticatorStore {

    /** Stores a new pending authenticator. */
    void add(PendingAuthenticator authenticator);

    /** Stores an authenticator that is active at once (one an operator added), with its name if it has one. */
    void addConfirmed(ActiveAuthenticator authenticator, Option<String> name);

    /** All the user's authenticators, pending and active, oldest first. */
    List<Authenticator> findByUser(UserId user);

    /** The authenticator with this id, when it is the user's (none for another user's: ids are not secrets). */
    Option<Authenticator> find(UserId user, AuthenticatorId id);

    /** The authenticators, whoever's, whose id has this device part ({@code dev_...}): a legacy enrollment id. */
    List<Authenticator> findByDevice(String device);

    /** What the store knows about the user's authenticators besides their factor: name and last use, by id. */
    Map<AuthenticatorId, AuthenticatorNotes> notesByUser(UserId user);

    /** Names these authenticators of the user (none clears the name); returns how many were named. */
    int rename(UserId user, List<AuthenticatorId> ids, Option<String> name);

    /**
     * Stores the confirmation {@link PendingAuthenticator#confirm} made: pending to active, as of its
     * {@code confirmedAt}; false when it is not (or no longer) pending.
     */
    boolean activate(ActiveAuthenticator confirmed);

    /**
     * As {@link #activate}, only while the user has no active authenticator other than a recovery
     * code: false otherwise. Concurrent calls for one user are serialized, so of two first factors
     * confirmed at once at most one becomes active.
     */
    default boolean activateFirst(ActiveAuthenticator confirmed) {
        return activateFirst(confirmed, HashSet.empty());
    }

    /**
     * As {@link #activateFirst(ActiveAuthenticator)}, with active authenticators of the {@code uncounted}
     * kinds (those the operator turned off) not counting either: their user may enroll a first usable one.
     */
    boolean activateFirst(ActiveAuthenticator confirmed, Set<AuthenticatorKind> uncounted);

    /** Removes every pending authenticator of the user (the other enrollments, once one is confirmed); returns how many. */
    int discardPending(UserId user);

    /**
     * Records that a TOTP code of time step {@code step} was accepted, {@code at} as its last use;
     * false when a step at or above it was already accepted (RFC 6238 section 5.2: a code is accepted
     * at most once).
     */
    boolean acceptTotpStep(AuthenticatorId id, long step, Instant at);

    /**
     * Replaces a recovery code's hash only if it still is {@code expected}: spending it exactly once,
     * {@code at} as its last use.
     */
    boolean replaceRecoveryCode(AuthenticatorId id, SecretHash expected, SecretHash replacement, Instant at);

    /**
     * Makes {@code code} (a recovery code, active) its user's only recovery code, removing every other
     * one, pending ones too. Concurrent calls for a user with another authenticator are serialized:
     * however many race, one recovery code is left.
     */
    void resetRecoveryCode(ActiveAuthenticator code);

    /**
     * Adds {@code code} (a recovery code, active) only while its user has no recovery code at all:
     * whether it was added. Concurrent calls for a user with another authenticator are serialized,
     * so however many race, one code is added (and shown).
     */
    boolean addRecoveryCodeIfNone(ActiveAuthenticator code);

    /** Removes these authenticators of the user; returns how many were removed. */
    int remove(UserId user, List<AuthenticatorId> ids);

    /** Removes pending authenticators that expired before {@code now}; returns how many. */
    int removeExpiredPending(Instant now);
}
