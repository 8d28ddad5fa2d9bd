package io.twofold.mfa.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretHashTest {

    @Test
    void isTheSha256HexOfTheSecret() {
        // SHA-256("abc"), FIPS 180-2 example.
        assertThat(SecretHash.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void matchesTheHashOfTheSameSecret() {
        assertThat(SecretHash.of("token-1").matches(SecretHash.of("token-1"))).isTrue();
    }

    @Test
    void doesNotMatchTheHashOfAnotherSecret() {
        assertThat(SecretHash.of("token-1").matches(SecretHash.of("token-2"))).isFalse();
    }

    @Test
    void bindsAShortCodeToItsKey() {
        assertThat(SecretHash.of("oob-a", "123456").matches(SecretHash.of("oob-a", "123456"))).isTrue();
        assertThat(SecretHash.of("oob-a", "123456").matches(SecretHash.of("oob-b", "123456"))).isFalse();
        assertThat(SecretHash.of("oob-a", "123456").matches(SecretHash.of("oob-a", "654321"))).isFalse();
    }

    @Test
    void keyAndCodeCannotBeShiftedIntoEachOther() {
        assertThat(SecretHash.of("ab", "c").matches(SecretHash.of("a", "bc"))).isFalse();
        assertThat(SecretHash.of("ab", "c").matches(SecretHash.of("abc"))).isFalse();
    }

    @Test
    void refusesSomethingThatIsNotADigest() {
        assertThatThrownBy(() -> new SecretHash("abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
