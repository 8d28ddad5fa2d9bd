package io.twofold.mfa.otp;

import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.TotpParameters;
import io.twofold.mfa.otp.internal.Totp;
import io.twofold.mfa.policy.OtpParameters;
import io.twofold.mfa.policy.OtpParameters.OtpAlgorithm;
import io.twofold.mfa.testing.SeededRandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RfcOneTimePasswordsTest {
    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final OtpSeed SEED = new OtpSeed(KEY);
    private static final Totp TOTP = new Totp(OtpParameters.DEFAULT);
    /** 2005-03-18T01:58:29Z, inside step 37037036 (29 seconds into it). */
    private static final Instant NOW = Instant.ofEpochSecond(1111111109);
    private static final long STEP = 37037036;

    private final RfcOneTimePasswords otp = new RfcOneTimePasswords(OtpParameters.DEFAULT, new SeededRandomSource(7));

    @Test
    void acceptsTheCurrentStepAndReturnsIt() {
        assertThat(otp.verify(SEED, TOTP.codeAt(KEY, STEP), NOW)).containsExactly(STEP);
    }

    @Test
    void acceptsOneStepEitherSideAndSaysWhichMatched() {
        assertThat(otp.verify(SEED, TOTP.codeAt(KEY, STEP - 1), NOW)).containsExactly(STEP - 1);
        assertThat(otp.verify(SEED, TOTP.codeAt(KEY, STEP + 1), NOW)).containsExactly(STEP + 1);
    }

    @Test
    void rejectsTwoStepsEitherSide() {
        assertThat(otp.verify(SEED, TOTP.codeAt(KEY, STEP - 2), NOW)).isEmpty();
        assertThat(otp.verify(SEED, TOTP.codeAt(KEY, STEP + 2), NOW)).isEmpty();
    }

    @Test
    void rejectsAWrongCode() {
        String code = TOTP.codeAt(KEY, STEP);
        String wrong = (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1))) + code.substring(1);

        assertThat(otp.verify(SEED, wrong, NOW)).isEmpty();
    }

    @Test
    void returnsTheHighestStepWhenSeveralMatch() {
        // Found by search: with this seed, steps 37079356 and 37079357 share the code 186519.
        long lower = 37079356;
        Instant at = Instant.ofEpochSecond(lower * 30 + 15);
        assertThat(TOTP.codeAt(KEY, lower)).isEqualTo(TOTP.codeAt(KEY, lower + 1)).isEqualTo("186519");

        assertThat(otp.verify(SEED, "186519", at)).containsExactly(lower + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "12345a", " 123456", "123456 ", "12 456", "\u0661\u0662\u0663\u0664\u0665\u0666"})
    void rejectsCodesThatAreNotSixAsciiDigits(String code) {
        assertThat(otp.verify(SEED, code, NOW)).isEmpty();
    }

    @Test
    void rejectsANullCode() {
        assertThat(otp.verify(SEED, null, NOW)).isEmpty();
    }

    @Test
    void checksEightDigitCodesWithOtherAlgorithms() {
        OtpParameters sha256 = new OtpParameters(OtpAlgorithm.SHA256, 8, Duration.ofSeconds(30), 1);
        OtpSeed seed = new OtpSeed("12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII));
        RfcOneTimePasswords eightDigits = new RfcOneTimePasswords(sha256, new SeededRandomSource(7));

        assertThat(eightDigits.verify(seed, "68084774", NOW)).containsExactly(STEP);
        assertThat(eightDigits.verify(seed, "084774", NOW)).isEmpty();
    }

    @Test
    void aZeroWindowAcceptsOnlyTheCurrentStep() {
        OtpParameters strict = new OtpParameters(OtpAlgorithm.SHA1, 6, Duration.ofSeconds(30), 0);
        RfcOneTimePasswords noSkew = new RfcOneTimePasswords(strict, new SeededRandomSource(7));

        assertThat(noSkew.verify(SEED, TOTP.codeAt(KEY, STEP), NOW)).containsExactly(STEP);
        assertThat(noSkew.verify(SEED, TOTP.codeAt(KEY, STEP + 1), NOW)).isEmpty();
    }

    @Test
    void makesTwentyByteSeedsDeterminedByTheRandomSource() {
        OtpSeed first = new RfcOneTimePasswords(OtpParameters.DEFAULT, new SeededRandomSource(42)).newSeed();
        OtpSeed again = new RfcOneTimePasswords(OtpParameters.DEFAULT, new SeededRandomSource(42)).newSeed();
        OtpSeed other = new RfcOneTimePasswords(OtpParameters.DEFAULT, new SeededRandomSource(43)).newSeed();

        assertThat(first.bytes()).hasSize(20);
        assertThat(first).isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void successiveSeedsDiffer() {
        assertThat(otp.newSeed()).isNotEqualTo(otp.newSeed());
    }

    @Test
    void honoursAnImportedFactorsAlgorithmDigitsAndPeriod() {
        // RFC 6238 appendix B: T = 59 s, SHA256 with the 32-byte key, SHA512 with the 64-byte key.
        OtpSeed sha256Key = new OtpSeed("12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII));
        OtpSeed sha512Key = new OtpSeed(("1234567890123456789012345678901234567890123456789012345678901234")
                .getBytes(StandardCharsets.US_ASCII));
        Instant at = Instant.ofEpochSecond(59);
        TotpParameters sha256 = new TotpParameters(TotpParameters.Algorithm.SHA256, 8, 30);
        TotpParameters sha512 = new TotpParameters(TotpParameters.Algorithm.SHA512, 8, 30);

        assertThat(otp.verify(sha256Key, sha256, "46119246", at)).containsExactly(1L);
        assertThat(otp.verify(sha512Key, sha512, "90693936", at)).containsExactly(1L);
        assertThat(otp.verify(sha256Key, TotpParameters.DEFAULT, "46119246", at)).as("the default is SHA1/6").isEmpty();
        assertThat(otp.verify(SEED, new TotpParameters(TotpParameters.Algorithm.SHA1, 8, 30), "94287082", at))
                .containsExactly(1L);
    }

    @Test
    void countsStepsInTheFactorsOwnPeriod() {
        TotpParameters minute = new TotpParameters(TotpParameters.Algorithm.SHA1, 6, 60);
        Totp sixty = new Totp(new OtpParameters(OtpParameters.OtpAlgorithm.SHA1, 6, java.time.Duration.ofSeconds(60), 1));
        Instant at = Instant.ofEpochSecond(1111111109);
        long step = 1111111109 / 60;

        assertThat(otp.verify(SEED, minute, sixty.codeAt(KEY, step), at)).containsExactly(step);
        assertThat(otp.verify(SEED, minute, sixty.codeAt(KEY, step + 2), at)).isEmpty();
        assertThat(otp.verify(SEED, minute, "12345", at)).as("a 6-digit factor takes 6 digits").isEmpty();
    }
}
