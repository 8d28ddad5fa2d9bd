package io.twofold.mfa.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtpSeedTest {
    private static final byte[] BYTES = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void printsNothingOfTheSecret() {
        OtpSeed seed = new OtpSeed(BYTES);

        assertThat(seed).hasToString("OtpSeed[redacted]");
        assertThat(seed.toString()).doesNotContain("1234", "MTIz", "GEZDG");
    }

    @Test
    void handsOutCopiesSoTheSeedCannotBeChangedFromOutside() {
        byte[] given = BYTES.clone();
        OtpSeed seed = new OtpSeed(given);
        given[0] = 0;
        seed.bytes()[1] = 0;

        assertThat(seed.bytes()).isEqualTo(BYTES);
    }

    @Test
    void isEqualByContent() {
        assertThat(new OtpSeed(BYTES)).isEqualTo(new OtpSeed(BYTES.clone())).hasSameHashCodeAs(new OtpSeed(BYTES.clone()));
        assertThat(new OtpSeed(BYTES)).isNotEqualTo(new OtpSeed("12345678901234567891".getBytes()));
    }

    @Test
    void refusesSeedsShorterThanEightyBits() {
        assertThatThrownBy(() -> new OtpSeed(new byte[9])).isInstanceOf(IllegalArgumentException.class);
    }
}
