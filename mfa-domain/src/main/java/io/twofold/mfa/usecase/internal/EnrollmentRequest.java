package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.PhoneNumber;
import io.twofold.mfa.model.User;
import io.twofold.mfa.port.in.EnrollmentChoice;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** The factor an enrollment asks for, its address checked: none for TOTP, the out-of-band factor otherwise. */
public final class EnrollmentRequest {
    private EnrollmentRequest() {
    }

    public static Either<MfaError, Option<Factor.Oob>> factor(EnrollmentChoice choice, User user) {
        return choice instanceof EnrollmentChoice.Oob oob
                ? address(oob.channel(), oob.address(), user).map(Option::some)
                : Either.right(Option.none());
    }

    private static Either<MfaError, Factor.Oob> address(OobChannel channel, Option<String> address, User user) {
        if (channel == OobChannel.EMAIL) {
            // Spec 14.17: the email is optional and defaults to the user's directory email.
            if (address.isEmpty() || address.get().isBlank()) {
                return user.email().<Either<MfaError, Factor.Oob>>map(e -> Either.right(Factor.Oob.email(e)))
                        .getOrElse(() -> Either.left(new MfaError.InvalidRequest("email is required")));
            }
            return EmailAddress.parse(address.get())
                    .<MfaError>mapLeft(MfaError.InvalidRequest::new)
                    .map(Factor.Oob::email);
        }
        return PhoneNumber.parse(address.getOrNull())
                .<MfaError>mapLeft(MfaError.InvalidRequest::new)
                .map(phone -> Factor.Oob.phone(channel, phone));
    }
}
