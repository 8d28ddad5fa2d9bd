package io.twofold.mfa.http.api.request;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.port.in.EnrollmentChoice;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code /mfa/associate} body's factor: exactly one type, and for {@code oob} exactly one known channel. */
class EnrollmentChoicesTest {
    private static final MfaError ONE_TYPE = new MfaError.InvalidRequest("authenticator_types must hold exactly one of otp or oob");
    private static final MfaError ONE_CHANNEL = new MfaError.InvalidRequest("oob_channels must hold exactly one of sms, voice or email");

    @Test
    void readsOtpAndEachChannelWithItsAddress() {
        assertThat(EnrollmentChoices.parse(List.of("otp"), List.empty(), Option.none(), Option.none()).get())
                .isEqualTo(new EnrollmentChoice.Otp());
        assertThat(EnrollmentChoices.parse(List.of("oob"), List.of("sms"), Option.some("+15551234567"), Option.some("a@b.c")).get())
                .isEqualTo(new EnrollmentChoice.Oob(OobChannel.SMS, Option.some("+15551234567")));
        assertThat(EnrollmentChoices.parse(List.of("oob"), List.of("voice"), Option.some("+15551234567"), Option.none()).get())
                .isEqualTo(new EnrollmentChoice.Oob(OobChannel.VOICE, Option.some("+15551234567")));
        assertThat(EnrollmentChoices.parse(List.of("oob"), List.of("email"), Option.some("+15551234567"), Option.none()).get())
                .as("an email enrollment without an email takes the user's").isEqualTo(new EnrollmentChoice.Oob(OobChannel.EMAIL, Option.none()));
    }

    @Test
    void refusesRequestsThatAreNotExactlyOneFactor() {
        assertThat(EnrollmentChoices.parse(List.of("otp", "oob"), List.empty(), Option.none(), Option.none()).getLeft())
                .isEqualTo(ONE_TYPE);
        assertThat(EnrollmentChoices.parse(List.of("webauthn"), List.empty(), Option.none(), Option.none()).getLeft())
                .isEqualTo(ONE_TYPE);
        assertThat(EnrollmentChoices.parse(List.of("oob"), List.of("sms", "email"), Option.some("+15551234567"), Option.none())
                .getLeft()).isEqualTo(ONE_CHANNEL);
        assertThat(EnrollmentChoices.parse(List.of("oob"), List.of("auth0"), Option.none(), Option.none()).getLeft())
                .isEqualTo(ONE_CHANNEL);
        assertThat(EnrollmentChoices.parse(List.of("oob"), List.empty(), Option.none(), Option.none()).getLeft())
                .isEqualTo(ONE_CHANNEL);
    }
}
