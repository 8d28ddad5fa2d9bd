package io.twofold.mfa.http.api.request;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.port.in.EnrollmentChoice;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Reads the factor an {@code /mfa/associate} body asks for (spec 4): exactly one authenticator type,
 * {@code otp} or {@code oob}, and for {@code oob} exactly one channel, {@code sms}, {@code voice} or
 * {@code email}, with its address (checked by the use case).
 */
public final class EnrollmentChoices {
    private static final String ONE_TYPE = "authenticator_types must hold exactly one of otp or oob";
    private static final String ONE_CHANNEL = "oob_channels must hold exactly one of sms, voice or email";

    private EnrollmentChoices() {
    }

    public static Either<MfaError, EnrollmentChoice> parse(List<String> types, List<String> channels,
                                                           Option<String> phoneNumber, Option<String> email) {
        if (types.size() != 1 || !(types.head().equals("otp") || types.head().equals("oob"))) {
            return invalid(ONE_TYPE);
        }
        if (types.head().equals("otp")) {
            return Either.right(new EnrollmentChoice.Otp());
        }
        Option<OobChannel> channel = channels.size() == 1 ? OobChannel.byWireName(channels.head()) : Option.none();
        if (channel.isEmpty()) {
            return invalid(ONE_CHANNEL);
        }
        Option<String> address = channel.get() == OobChannel.EMAIL ? email : phoneNumber;
        return Either.right(new EnrollmentChoice.Oob(channel.get(), address));
    }

    private static Either<MfaError, EnrollmentChoice> invalid(String description) {
        return Either.left(new MfaError.InvalidRequest(description));
    }
}
