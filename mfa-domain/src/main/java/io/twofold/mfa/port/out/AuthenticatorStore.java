package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AuthenticatorKind;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.vavr.collection.List;
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

    /** All the user's authenticators, pending and active, oldest first. */
    List<Authenticator> findByUser(UserId user);

    /** The authenticator with this id, when it is the user's (none for another user's: ids are not secrets). */
    Option<Authenticator> find(UserId user, AuthenticatorId id);

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
     * Records that a TOTP code of time step {@code step} was accepted; false when a step at or
     * above it was already accepted (RFC 6238 section 5.2: a code is accepted at most once).
     */
    boolean acceptTotpStep(AuthenticatorId id, long step);

    /** Replaces a recovery code's hash only if it still is {@code expected}: spending it exactly once. */
    boolean replaceRecoveryCode(AuthenticatorId id, SecretHash expected, SecretHash replacement);

    /** Removes these authenticators of the user; returns how many were removed. */
    int remove(UserId user, List<AuthenticatorId> ids);

    /** Removes pending authenticators that expired before {@code now}; returns how many. */
    int removeExpiredPending(Instant now);
}
