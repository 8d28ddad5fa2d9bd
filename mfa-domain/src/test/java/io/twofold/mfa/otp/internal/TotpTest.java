package io.twofold.mfa.otp.internal;

import io.twofold.mfa.policy.OtpParameters;
import io.twofold.mfa.policy.OtpParameters.OtpAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

    /** RFC 6238 Appendix B, all 18 vectors; seeds per the RFC errata (20, 32 and 64 ASCII bytes). */
    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource({
            "59,          SHA1,   94287082",
            "59,          SHA256, 46119246",
            "59,          SHA512, 90693936",
            "1111111109,  SHA1,   07081804",
            "1111111109,  SHA256, 68084774",
            "1111111109,  SHA512, 25091201",
            "1111111111,  SHA1,   14050471",
            "1111111111,  SHA256, 67062674",
            "1111111111,  SHA512, 99943326",
            "1234567890,  SHA1,   89005924",
            "1234567890,  SHA256, 91819424",
            "1234567890,  SHA512, 93441116",
            "2000000000,  SHA1,   69279037",
            "2000000000,  SHA256, 90698825",
            "2000000000,  SHA512, 38618901",
            "20000000000, SHA1,   65353130",
            "20000000000, SHA256, 77737706",
            "20000000000, SHA512, 47863826",
    })
    void matchesRfc6238AppendixB(long epochSeconds, OtpAlgorithm algorithm, String expected) {
        Totp totp = new Totp(new OtpParameters(algorithm, 8, Duration.ofSeconds(30), 1));

        assertThat(totp.codeAt(rfcSeed(algorithm), Instant.ofEpochSecond(epochSeconds))).isEqualTo(expected);
    }

    @Test
    void stepIsTheFloorOfEpochSecondsOverThePeriod() {
        Totp totp = new Totp(OtpParameters.DEFAULT);

        assertThat(totp.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(totp.stepAt(Instant.ofEpochSecond(60))).isEqualTo(2);
        assertThat(totp.stepAt(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
        assertThat(totp.stepAt(Instant.ofEpochSecond(-1))).isEqualTo(-1);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheEightDigitOnes() {
        byte[] seed = rfcSeed(OtpAlgorithm.SHA1);
        Instant at = Instant.ofEpochSecond(1234567890);

        assertThat(new Totp(OtpParameters.DEFAULT).codeAt(seed, at)).isEqualTo("005924");
    }

    static byte[] rfcSeed(OtpAlgorithm algorithm) {
        String base = "1234567890".repeat(7);
        int length = switch (algorithm) {
            case SHA1 -> 20;
            case SHA256 -> 32;
            case SHA512 -> 64;
        };
        return base.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }
}
