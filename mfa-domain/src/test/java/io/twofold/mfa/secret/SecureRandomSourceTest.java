package io.twofold.mfa.secret;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecureRandomSourceTest {
    private final SecureRandomSource random = new SecureRandomSource();

    @Test
    void staysWithinTheBound() {
        for (int i = 0; i < 1000; i++) {
            assertThat(random.nextInt(33)).isBetween(0, 32);
        }
    }

    @Test
    void fillsTheArray() {
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        random.nextBytes(first);
        random.nextBytes(second);

        assertThat(first).isNotEqualTo(second).isNotEqualTo(new byte[32]);
    }

    @Test
    void refusesANonPositiveBound() {
        assertThatThrownBy(() -> random.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
