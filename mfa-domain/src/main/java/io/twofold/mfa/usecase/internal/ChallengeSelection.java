package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Comparator;

/**
 * Picks the factor to challenge (spec 6.2) among the user's active, challengeable factors. Pending
 * ones are never candidates (DESIGN invariant 2). With several matches and no id, TOTP comes first
 * (nothing to send), then SMS, voice and email, oldest first.
 */
public final class ChallengeSelection {
    public static final String UNKNOWN_AUTHENTICATOR = "authenticator_id is not one of the user's active authenticators";
    private static final List<AuthenticatorKind> PREFERENCE =
            List.of(AuthenticatorKind.TOTP, AuthenticatorKind.SMS, AuthenticatorKind.VOICE, AuthenticatorKind.EMAIL);

    private ChallengeSelection() {
    }

    public static Either<MfaError, ActiveAuthenticator> select(
            List<ActiveAuthenticator> active, Option<String> challengeTypes, Option<String> authenticatorId) {
        if (active.isEmpty()) {
            return Either.left(new MfaError.NotEnrolled());
        }
        List<String> supported = challengeTypes.filter(t -> !t.isBlank())
                .map(t -> List.of(t.trim().split("\\s+")))
                .getOrElse(List.of("otp", "oob"));
        if (authenticatorId.isDefined()) {
            Option<ActiveAuthenticator> chosen = AuthenticatorId.parse(authenticatorId.get())
                    .flatMap(id -> active.find(a -> a.id().equals(id)));
            if (chosen.isEmpty()) {
                return Either.left(new MfaError.InvalidRequest(UNKNOWN_AUTHENTICATOR));
            }
            return supported.contains(chosen.get().id().kind().authenticatorType())
                    ? Either.right(chosen.get())
                    : Either.left(unsupported());
        }
        return active.filter(a -> supported.contains(a.id().kind().authenticatorType()))
                .sorted(Comparator.<ActiveAuthenticator>comparingInt(a -> PREFERENCE.indexOf(a.id().kind()))
                        .thenComparing(ActiveAuthenticator::createdAt))
                .headOption()
                .toEither(ChallengeSelection::unsupported);
    }

    private static MfaError unsupported() {
        return new MfaError.UnsupportedChallengeType("None of the user's authenticators matches the challenge_type.");
    }
}
