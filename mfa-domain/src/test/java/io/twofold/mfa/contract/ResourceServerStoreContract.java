package io.twofold.mfa.contract;

import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.ResourceServerStore;
import io.vavr.collection.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ResourceServerStore} must do, the race for one identifier included. */
public abstract class ResourceServerStoreContract {
    protected ResourceServerStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract ResourceServerStore newStore();

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    protected static ResourceServer api(String id, String identifier) {
        return new ResourceServer(id, identifier, "API " + id,
                List.of(new ApiScope("read:things", "Read things"), new ApiScope("write:things", "Write \"things\"")),
                Duration.ofSeconds(3600), true, SigningAlgorithm.RS256, false);
    }

    @Test
    public void addsAnApiAndFindsItByIdAndIdentifier() {
        ResourceServer api = api("a1", "https://api.example.com/");

        assertThat(store.add(api)).isTrue();

        assertThat(store.find("a1")).containsExactly(api);
        assertThat(store.findByIdentifier("https://api.example.com/")).containsExactly(api);
        assertThat(store.find("a2")).isEmpty();
        assertThat(store.findByIdentifier("https://api.example.com")).isEmpty();
    }

    @Test
    public void keepsAnApiWithoutScopes() {
        ResourceServer bare = new ResourceServer("a1", "urn:bare", "bare", List.empty(), Duration.ofSeconds(60), false,
                SigningAlgorithm.ES256, false);
        store.add(bare);

        assertThat(store.find("a1")).containsExactly(bare);
    }

    @Test
    public void answersTheSigningAlgorithmOfTheApiUnderAnIdentifier() {
        store.add(new ResourceServer("a1", "urn:ec", "ec", List.empty(), Duration.ofSeconds(60), false,
                SigningAlgorithm.ES256, false));
        store.add(api("a2", "https://api.example.com/"));

        assertThat(store.signingAlgorithmOf("urn:ec")).containsExactly(SigningAlgorithm.ES256);
        assertThat(store.signingAlgorithmOf("https://api.example.com/")).containsExactly(SigningAlgorithm.RS256);
        assertThat(store.signingAlgorithmOf("urn:unknown")).isEmpty();
    }

    @Test
    public void refusesASecondApiWithTheSameIdentifier() {
        store.add(api("a1", "https://api.example.com/"));

        assertThat(store.add(api("a2", "https://api.example.com/"))).isFalse();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    public void registersOneApiWhenNodesRaceForAnIdentifier() {
        try (Race race = new Race()) {
            long winners = race.countWinners(thread -> store.add(api("a" + thread, "https://race.example.com/")));

            assertThat(winners).isEqualTo(1);
            assertThat(store.count()).isEqualTo(1);
        }
    }

    @Test
    public void updatesEverythingButIdAndIdentifier() {
        store.add(api("a1", "https://api.example.com/"));
        ResourceServer changed = new ResourceServer("a1", "https://api.example.com/", "renamed",
                List.of(new ApiScope("admin", "Everything")), Duration.ofSeconds(60), false, SigningAlgorithm.ES256, false);

        assertThat(store.update(changed)).isTrue();

        assertThat(store.find("a1")).containsExactly(changed);
        assertThat(store.update(api("absent", "urn:absent"))).isFalse();
    }

    @Test
    public void removesAnApi() {
        store.add(api("a1", "https://api.example.com/"));

        assertThat(store.remove("a1")).isTrue();

        assertThat(store.find("a1")).isEmpty();
        assertThat(store.remove("a1")).isFalse();
        assertThat(store.add(api("a2", "https://api.example.com/"))).isTrue();
    }

    @Test
    public void pagesInIdOrder() {
        IntStream.of(3, 1, 2).forEach(n -> store.add(api("a" + n, "urn:api:" + n)));

        assertThat(store.page(1, 5).map(ResourceServer::id)).containsExactly("a2", "a3");
        assertThat(store.page(0, 1).map(ResourceServer::id)).containsExactly("a1");
        assertThat(store.page(3, 5)).isEmpty();
        assertThat(store.count()).isEqualTo(3);
    }
}
