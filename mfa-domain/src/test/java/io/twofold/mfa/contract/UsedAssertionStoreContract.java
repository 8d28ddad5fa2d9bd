package io.twofold.mfa.contract;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.port.out.UsedAssertionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link UsedAssertionStore} must do, its race included. Extend it with a fresh, empty store per test. */
public abstract class UsedAssertionStoreContract {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final ClientId WEB = new ClientId("web-app");
    private static final ClientId CLI = new ClientId("cli");

    protected UsedAssertionStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract UsedAssertionStore newStore();

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    @Test
    public void acceptsAnAssertionIdOnce() {
        assertThat(store.use(WEB, "jti-1", T0.plusSeconds(300))).isTrue();

        assertThat(store.use(WEB, "jti-1", T0.plusSeconds(300))).isFalse();
        assertThat(store.use(WEB, "jti-1", T0.plusSeconds(900))).isFalse();
    }

    @Test
    public void keepsTheIdsOfEachClientApart() {
        assertThat(store.use(WEB, "jti-1", T0.plusSeconds(300))).isTrue();

        assertThat(store.use(CLI, "jti-1", T0.plusSeconds(300))).isTrue();
        assertThat(store.use(WEB, "jti-2", T0.plusSeconds(300))).isTrue();
    }

    @Test
    public void forgetsOnlyTheIdsOfExpiredAssertions() {
        store.use(WEB, "old", T0.minusSeconds(1));
        store.use(WEB, "live", T0.plusSeconds(300));

        assertThat(store.removeExpired(T0)).isEqualTo(1);
        assertThat(store.removeExpired(T0)).isZero();

        assertThat(store.use(WEB, "live", T0.plusSeconds(300))).isFalse();
        assertThat(store.use(WEB, "old", T0.plusSeconds(300))).isTrue();
    }

    @Test
    public void ofManyRacingUsesOfOneAssertionExactlyOneWins() {
        try (Race race = new Race()) {
            for (int round = 0; round < 5; round++) {
                String jti = "raced-" + round;
                List<Boolean> results = race.run(i -> store.use(WEB, jti, T0.plusSeconds(300)));

                assertThat(results).filteredOn(won -> won).hasSize(1);
            }
        }
    }
}
