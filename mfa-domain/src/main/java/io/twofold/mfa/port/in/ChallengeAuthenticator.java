package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.vavr.control.Either;

/** Picks an active factor for a pending login and, for out-of-band ones, sends a code ({@code POST /mfa/challenge}). */
public interface ChallengeAuthenticator {

    /** Right: the challenge made. Left: among others {@code NotEnrolled}, {@code UnsupportedChallengeType}, {@code TooManySends}. */
    Either<MfaError, Challenge> challenge(ChallengeCommand command);
}
