package io.twofold.mfa.policy;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.OobChallenge;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The rule that limits attempts at second-factor codes (DESIGN invariants 3, 4 and 6), in one place:
 * {@code perTransaction} attempts per login ({@code mfa_token}), {@code perChallenge} per
 * {@code oob_code}, and per user across logins a bucket ({@link AttemptBudgets#userBucket()}) with a
 * hard stop after {@code maxConsecutiveFailures} wrong codes in a row. Each budget is charged before
 * the code is checked; a right code gives the user's charge back and ends the run, a wrong one keeps
 * it. The stores apply the charges atomically (a conditional increment, a compare-and-set), so the
 * limits hold under any concurrency and on several nodes. Only second factors count: the password
 * is never locked by this.
 */
public final class SecondFactorBudget {
    private final AttemptBudgets budgets;

    public SecondFactorBudget(AttemptBudgets budgets) {
        this.budgets = budgets;
    }

    /** A login's budget as read: a spent one refuses even a right code, or the 11th guess would be free. */
    public Either<MfaError, MfaTransaction> check(MfaTransaction login) {
        return login.failedAttempts() >= budgets.perTransaction() ? refused() : Either.right(login);
    }

    /** What the transaction store's conditional increment limits a login's attempts to. */
    public int perLogin() {
        return budgets.perTransaction();
    }

    /** An {@code oob_code}'s budget as read. */
    public Either<MfaError, OobChallenge> check(OobChallenge challenge) {
        return challenge.failedAttempts() >= budgets.perChallenge() ? refused() : Either.right(challenge);
    }

    /** What the challenge store's conditional increment limits an {@code oob_code}'s attempts to. */
    public int perChallenge() {
        return budgets.perChallenge();
    }

    /** The rule of the user's bucket, to bring a stored one up to date. */
    public BucketRule userBucket() {
        return budgets.userBucket();
    }

    /** The user's bucket (refilled) as read: a locked-out user is refused before anything is written. */
    public Either<MfaError, AttemptBucket> check(AttemptBucket user) {
        return isLocked(user) ? refused() : Either.right(user);
    }

    /** The charge for one attempt: a token out and one more failure in the run; none when locked out. */
    public Option<AttemptBucket> charge(AttemptBucket user) {
        return isLocked(user) ? Option.none() : userBucket().take(user)
                .map(b -> new AttemptBucket(b.key(), b.tokens(), b.refilledAt(), b.consecutiveFailures() + 1, b.version()));
    }

    /** A right code: the charge back, and the run of consecutive failures over. */
    public AttemptBucket giveBack(AttemptBucket charged) {
        AttemptBucket back = userBucket().giveBack(charged);
        return new AttemptBucket(back.key(), back.tokens(), back.refilledAt(), 0, back.version());
    }

    /** Whether a charged wrong code was the last one allowed (the lockout worth auditing). */
    public boolean isLocked(AttemptBucket user) {
        return user.tokens() <= 0 || user.consecutiveFailures() >= budgets.maxConsecutiveFailures();
    }

    private static <T> Either<MfaError, T> refused() {
        return Either.left(new MfaError.TooManyAttempts());
    }
}
