package io.twofold.mfa.contract;

import io.twofold.mfa.model.ClientGrant;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.port.out.ClientGrantStore;
import io.twofold.mfa.model.ClientGrantFilter;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ClientGrantStore} must do: one grant per client and audience, even when operators race. */
public abstract class ClientGrantStoreContract {
    protected static final ClientId A = new ClientId("client-a");
    protected static final ClientId B = new ClientId("client-b");
    protected static final String API = "https://api.example.com/";
    protected static final String OTHER_API = "https://other.example.com/";

    protected ClientGrantStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract ClientGrantStore newStore();

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    protected static ClientGrant grant(String id, ClientId client, String audience, String... scope) {
        return new ClientGrant(id, client, audience, List.of(scope));
    }

    @Test
    public void addsAGrantAndFindsItByIdAndByClientAndAudience() {
        ClientGrant grant = grant("cgr_1", A, API, "read:things", "write:things");

        assertThat(store.add(grant)).isTrue();

        assertThat(store.find("cgr_1")).containsExactly(grant);
        assertThat(store.find(A, API)).containsExactly(grant);
        assertThat(store.find(B, API)).isEmpty();
        assertThat(store.find(A, OTHER_API)).isEmpty();
    }

    @Test
    public void keepsAGrantWithoutScopes() {
        store.add(grant("cgr_1", A, API));

        assertThat(store.find("cgr_1").map(ClientGrant::scope)).containsExactly(List.empty());
    }

    @Test
    public void refusesASecondGrantForTheSameClientAndAudience() {
        store.add(grant("cgr_1", A, API, "read:things"));

        assertThat(store.add(grant("cgr_2", A, API, "write:things"))).isFalse();
        assertThat(store.add(grant("cgr_3", B, API, "write:things"))).isTrue();
        assertThat(store.add(grant("cgr_4", A, OTHER_API))).isTrue();
        assertThat(store.find(A, API).map(ClientGrant::id)).containsExactly("cgr_1");
    }

    @Test
    public void makesOneGrantWhenOperatorsRace() {
        try (Race race = new Race()) {
            long winners = race.countWinners(thread -> store.add(grant("cgr_r" + thread, A, API, "read:things")));

            assertThat(winners).isEqualTo(1);
            assertThat(store.count(ClientGrantFilter.ALL)).isEqualTo(1);
        }
    }

    @Test
    public void replacesTheScope() {
        store.add(grant("cgr_1", A, API, "read:things"));

        assertThat(store.updateScope("cgr_1", List.of("write:things", "admin"))).isTrue();

        assertThat(store.find("cgr_1").map(ClientGrant::scope)).containsExactly(List.of("write:things", "admin"));
        assertThat(store.updateScope("cgr_absent", List.of("x"))).isFalse();
    }

    @Test
    public void removesOneGrantOrAllOfAClientOrAnAudience() {
        store.add(grant("cgr_1", A, API));
        store.add(grant("cgr_2", A, OTHER_API));
        store.add(grant("cgr_3", B, API));
        store.add(grant("cgr_4", B, OTHER_API));

        assertThat(store.remove("cgr_1")).isTrue();
        assertThat(store.remove("cgr_1")).isFalse();
        assertThat(store.removeByClient(A)).isEqualTo(1);
        assertThat(store.removeByAudience(OTHER_API)).isEqualTo(1);

        assertThat(store.page(ClientGrantFilter.ALL, 0, 10).map(ClientGrant::id)).containsExactly("cgr_3");
    }

    @Test
    public void pagesAndCountsByClientAndAudience() {
        store.add(grant("cgr_3", A, API));
        store.add(grant("cgr_1", B, API));
        store.add(grant("cgr_2", A, OTHER_API));

        assertThat(store.page(ClientGrantFilter.ALL, 0, 10).map(ClientGrant::id)).containsExactly("cgr_1", "cgr_2", "cgr_3");
        assertThat(store.page(ClientGrantFilter.ALL, 1, 1).map(ClientGrant::id)).containsExactly("cgr_2");
        assertThat(store.page(new ClientGrantFilter(Option.some(A), Option.none()), 0, 10).map(ClientGrant::id))
                .containsExactly("cgr_2", "cgr_3");
        assertThat(store.page(new ClientGrantFilter(Option.none(), Option.some(API)), 0, 10).map(ClientGrant::id))
                .containsExactly("cgr_1", "cgr_3");
        assertThat(store.count(new ClientGrantFilter(Option.some(A), Option.some(API)))).isEqualTo(1);
        assertThat(store.count(ClientGrantFilter.ALL)).isEqualTo(3);
    }

    @Test
    public void listsAfterACheckpoint() {
        store.add(grant("cgr_3", A, API));
        store.add(grant("cgr_1", B, API));
        store.add(grant("cgr_2", A, OTHER_API));

        assertThat(store.after(ClientGrantFilter.ALL, Option.none(), 2).map(ClientGrant::id)).containsExactly("cgr_1", "cgr_2");
        assertThat(store.after(ClientGrantFilter.ALL, Option.some("cgr_2"), 2).map(ClientGrant::id)).containsExactly("cgr_3");
        assertThat(store.after(ClientGrantFilter.ALL, Option.some("cgr_3"), 2)).isEmpty();
        assertThat(store.after(new ClientGrantFilter(Option.some(A), Option.none()), Option.some("cgr_1"), 5).map(ClientGrant::id))
                .containsExactly("cgr_2", "cgr_3");
    }
}
