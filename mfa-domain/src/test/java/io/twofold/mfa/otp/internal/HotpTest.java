package io.twofold.mfa.otp.internal;

import io.twofold.mfa.policy.OtpParameters.OtpAlgorithm;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HotpTest {
    private static final byte[] RFC_4226_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesEveryRfc4226AppendixDValue() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314",
                "254676", "287922", "162583", "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Hotp.code(OtpAlgorithm.SHA1, RFC_4226_SECRET, counter, 6))
                    .as("counter %d", counter)
                    .isEqualTo(expected[counter]);
        }
    }

    @Test
    void keepsLeadingZeros() {
        // RFC 6238 vector: SHA1 at T = 1111111109 is 07081804 with 8 digits.
        assertThat(Hotp.code(OtpAlgorithm.SHA1, RFC_4226_SECRET, 1111111109L / 30, 8)).isEqualTo("07081804");
    }

    @Test
    void refusesDigitCountsOtherThanSixOrEight() {
        assertThatThrownBy(() -> Hotp.code(OtpAlgorithm.SHA1, RFC_4226_SECRET, 0, 7))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
