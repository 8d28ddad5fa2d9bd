package io.twofold.mfa.otp.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Base32Test {

    /** RFC 4648 section 10; the padded form is what the RFC prints, we encode without the padding. */
    @ParameterizedTest(name = "\"{0}\" <-> {1}")
    @CsvSource(value = {
            "'',       ''",
            "f,        MY======",
            "fo,       MZXQ====",
            "foo,      MZXW6===",
            "foob,     MZXW6YQ=",
            "fooba,    MZXW6YTB",
            "foobar,   MZXW6YTBOI======",
    })
    void followsRfc4648TestVectorsBothWays(String plain, String padded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(bytes)).isEqualTo(padded.replace("=", ""));
        assertThat(Base32.decode(padded)).isEqualTo(bytes);
        assertThat(Base32.decode(padded.replace("=", ""))).isEqualTo(bytes);
    }

    @Test
    void decodesLowercaseAndSpaces() {
        assertThat(Base32.decode("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void roundTripsATwentyByteSeedToThirtyTwoCharacters() {
        byte[] seed = new byte[20];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (i * 37 - 100);
        }

        String encoded = Base32.encode(seed);

        assertThat(encoded).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Base32.decode(encoded)).isEqualTo(seed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW1YQ", "MZXW6YQ!", "MZ=XW6YQ", "MZXW\u00C96YQ", "MZXW8YTB", "M", "MZX", "MZXW6Y"})
    void rejectsWhatIsNotBase32WithoutEchoingIt(String text) {
        assertThatThrownBy(() -> Base32.decode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(text);
    }
}
