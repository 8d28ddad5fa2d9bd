package io.twofold.mfa.secret;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    void eachThreadDrawsFromItsOwnDrbg() throws Exception {
        assertThat(SecureRandomSource.perThread().getAlgorithm()).isEqualTo("DRBG");
        Set<String> drawn = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                for (int j = 0; j < 100; j++) {
                    byte[] bytes = new byte[16];
                    random.nextBytes(bytes);
                    drawn.add(HexFormat.of().formatHex(bytes));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(drawn).hasSize(800);
    }

    @Test
    void refusesANonPositiveBound() {
        assertThatThrownBy(() -> random.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
