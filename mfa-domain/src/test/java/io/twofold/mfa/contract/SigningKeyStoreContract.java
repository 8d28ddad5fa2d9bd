package io.twofold.mfa.contract;

import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SigningKeyStore} must do, races included. Extend it with a fresh, empty store per test. */
public abstract class SigningKeyStoreContract {

    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    protected SigningKeyStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract SigningKeyStore newStore();

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    protected static SigningKey key(int n) {
        return new SigningKey("kid-" + n, "{\"kty\":\"RSA\",\"kid\":\"kid-" + n + "\",\"d\":\"secret-" + n + "\"}",
                T0.plusSeconds(n));
    }

    @Test
    public void hasNoKeyAtFirst() {
        assertThat(store.current()).isEmpty();
    }

    @Test
    public void savesTheFirstKeyAndKeepsIt() {
        assertThat(store.saveIfAbsent(key(1))).isTrue();
        assertThat(store.saveIfAbsent(key(2))).isFalse();

        assertThat(store.current()).containsExactly(key(1));
    }

    @Test
    public void savesOneKeyWhenNodesRace() {
        List<SigningKey> keys = IntStream.range(0, Race.THREADS).mapToObj(SigningKeyStoreContract::key).toList();
        try (Race race = new Race()) {
            List<Boolean> results = race.run(thread -> store.saveIfAbsent(keys.get(thread)));

            assertThat(results.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
            assertThat(store.current()).containsExactly(keys.get(results.indexOf(true)));
        }
    }
}
