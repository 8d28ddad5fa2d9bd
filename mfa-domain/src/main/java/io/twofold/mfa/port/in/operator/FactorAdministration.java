package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ManagedFactor;
import io.twofold.mfa.model.UserId;
import io.vavr.collection.List;
import io.vavr.control.Either;

/**
 * A user's second factors as an operator manages them (the Management API's
 * {@code authentication-methods}, {@code authenticators}, {@code multifactor} and recovery code).
 * Every write names the acting client, runs in one unit of work and is audited.
 */
public interface FactorAdministration {

    /** The user's confirmed factors, oldest first; pending enrollments too when {@code includePending}. */
    Either<OperatorError, List<ManagedFactor>> list(UserId user, boolean includePending);

    /** One of the user's factors, by any of its ids (see {@link io.twofold.mfa.model.FactorRef}). */
    Either<OperatorError, ManagedFactor> find(UserId user, String factorId);

    /** Adds a factor, active at once (no confirmation): an imported TOTP seed, a phone or an email address. */
    Either<OperatorError, ManagedFactor> add(ClientId actor, UserId user, FactorRequest request);

    /** Replaces the user's factors with these, all or none; the new ones in the order given. */
    Either<OperatorError, List<ManagedFactor>> replaceAll(ClientId actor, UserId user, List<FactorRequest> requests);

    /** Renames a factor, or moves a phone to the other channel. */
    Either<OperatorError, ManagedFactor> update(ClientId actor, UserId user, String factorId, FactorChange change);

    /** Removes one factor, with what goes with it; returns how many authenticators went. */
    Either<OperatorError, Integer> remove(ClientId actor, UserId user, String factorId);

    /** Removes every factor of the user, pending ones and the recovery code included; returns how many went. */
    Either<OperatorError, Integer> removeAll(ClientId actor, UserId user);

    /** Removes the factors of a legacy provider: {@code google-authenticator} is TOTP, {@code duo} has none here. */
    Either<OperatorError, Integer> removeProvider(ClientId actor, UserId user, String provider);

    /** Replaces the user's recovery code with a new one, returned once and stored only as its hash. */
    Either<OperatorError, String> regenerateRecoveryCode(ClientId actor, UserId user);

    /** Forgets the browsers that skip MFA for the user: none, Twofold remembers no browser; checks the user exists. */
    Either<OperatorError, UserId> forgetRememberedBrowsers(ClientId actor, UserId user);
}
