package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.PhoneNumber;
import io.twofold.mfa.model.User;
import io.twofold.mfa.port.in.AssociateCommand;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Reads the factor an {@code /mfa/associate} body asks for: exactly one type, and for {@code oob} exactly one channel. */
final class EnrollmentRequest {
    private EnrollmentRequest() {
    }

    /** None for {@code otp}; the out-of-band factor, address checked, for {@code oob}. */
    static Either<MfaError, Option<Factor.Oob>> parse(AssociateCommand command, User user) {
        if (command.authenticatorTypes().size() != 1) {
            return invalid("authenticator_types must hold exactly one of otp or oob");
        }
        String type = command.authenticatorTypes().head();
        if (type.equals("otp")) {
            return Either.right(Option.none());
        }
        if (!type.equals("oob")) {
            return invalid("authenticator_types must hold exactly one of otp or oob");
        }
        if (command.oobChannels().size() != 1) {
            return invalid("oob_channels must hold exactly one of sms, voice or email");
        }
        Option<OobChannel> channel = OobChannel.byWireName(command.oobChannels().head());
        if (channel.isEmpty()) {
            return invalid("oob_channels must hold exactly one of sms, voice or email");
        }
        return address(channel.get(), command, user).map(Option::some);
    }

    private static Either<MfaError, Factor.Oob> address(OobChannel channel, AssociateCommand command, User user) {
        if (channel == OobChannel.EMAIL) {
            // Spec 14.17: the email is optional and defaults to the user's directory email.
            if (command.email().isEmpty() || command.email().get().isBlank()) {
                return user.email().<Either<MfaError, Factor.Oob>>map(e -> Either.right(Factor.Oob.email(e)))
                        .getOrElse(() -> invalid("email is required"));
            }
            return EmailAddress.parse(command.email().get())
                    .<MfaError>mapLeft(MfaError.InvalidRequest::new)
                    .map(Factor.Oob::email);
        }
        return PhoneNumber.parse(command.phoneNumber().getOrNull())
                .<MfaError>mapLeft(MfaError.InvalidRequest::new)
                .map(phone -> Factor.Oob.phone(channel, phone));
    }

    private static <T> Either<MfaError, T> invalid(String description) {
        return Either.left(new MfaError.InvalidRequest(description));
    }
}
