package io.twofold.mfa.policy;

import io.twofold.mfa.error.MfaError;
import io.vavr.control.Either;

/**
 * The rule that admits a new enrollment. An {@code mfa_token} (a password alone) may enroll only a
 * user with no active factor; adding to a user who has one takes an MFA API access token, which
 * itself took a second factor. Unconfirmed enrollments per user are capped
 * ({@link AttemptBudgets#maxPendingEnrollments}). The allowance says whether the enrollment brings
 * a recovery code of its own: when recovery codes are on and the user has no active one.
 */
public final class EnrollmentAdmission {
    private final MfaSettings settings;

    public EnrollmentAdmission(MfaSettings settings) {
        this.settings = settings;
    }

    /** What the rule looks at: how the enrollment was asked for, and the user's factors now. */
    public record Facts(boolean throughLogin, boolean hasActiveAuthenticator, int livePendingEnrollments,
                        boolean hasActiveRecoveryCode) {
    }

    /** The allowance: whether this enrollment hands out a recovery code. */
    public record Admitted(boolean withRecoveryCode) {
    }

    public Either<MfaError, Admitted> admit(Facts facts) {
        if (facts.throughLogin() && facts.hasActiveAuthenticator()) {
            return Either.left(new MfaError.AlreadyEnrolled());
        }
        if (facts.livePendingEnrollments() >= settings.attempts().maxPendingEnrollments()) {
            return Either.left(new MfaError.TooManyEnrollments());
        }
        return Either.right(new Admitted(settings.recoveryCodesEnabled() && !facts.hasActiveRecoveryCode()));
    }
}
