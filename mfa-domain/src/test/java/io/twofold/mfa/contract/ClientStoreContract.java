package io.twofold.mfa.contract;

import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientProfile;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.ManagedClient;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.twofold.mfa.port.out.ClientRegistry;
import io.twofold.mfa.port.out.ClientStore;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ClientStore} must do, and that the {@link ClientRegistry} on the same clients
 * sees each change at once (a rotated or removed secret never authenticates again).
 */
public abstract class ClientStoreContract {
    protected static final String SECRET = "first-secret-0123456789-abcdefghijklmnop";
    protected static final String NEW_SECRET = "second-secret-0123456789-ABCDEFGHIJKLMNOP";

    protected ClientStore store;
    protected ClientRegistry registry;

    /** A fresh, empty store; called before every test. */
    protected abstract ClientStore newStore();

    /** The registry the token grants read, on the same clients as the last {@link #newStore()}. */
    protected abstract ClientRegistry registry();

    @BeforeEach
    protected void createStore() {
        store = newStore();
        registry = registry();
    }

    protected static ManagedClient client(String id, String appType, TokenEndpointAuth auth) {
        return new ManagedClient(new Client(new ClientId(id), "name of " + id, auth.confidential(),
                HashSet.of(GrantType.PASSWORD, GrantType.CLIENT_CREDENTIALS), MfaPolicy.ENROLLED),
                new ClientProfile(Option.some("about " + id), Option.of(appType), auth,
                        Option.some("{\"team\":\"a\"}"), Option.some("{\"logo_uri\":\"https://x.example/l.png\"}")));
    }

    protected static ManagedClient confidential(String id) {
        return client(id, "non_interactive", TokenEndpointAuth.CLIENT_SECRET_POST);
    }

    @Test
    public void addsAClientAndFindsItAsItWasGiven() {
        ManagedClient client = confidential("c1");

        assertThat(store.add(client, Option.some(SecretHash.of(SECRET)))).isTrue();

        assertThat(store.find(new ClientId("c1"))).containsExactly(client);
        assertThat(registry.find(new ClientId("c1")).map(Client::confidential)).containsExactly(true);
    }

    @Test
    public void keepsProfileMembersThatAreAbsent() {
        ManagedClient bare = new ManagedClient(confidential("c1").client(), ClientProfile.basic(true));

        store.add(bare, Option.some(SecretHash.of(SECRET)));

        assertThat(store.find(new ClientId("c1"))).containsExactly(bare);
    }

    @Test
    public void refusesASecondClientWithTheSameId() {
        store.add(confidential("c1"), Option.some(SecretHash.of(SECRET)));

        assertThat(store.add(client("c1", "spa", TokenEndpointAuth.NONE), Option.none())).isFalse();
        assertThat(registry.authenticate(new ClientId("c1"), Option.some(SECRET))).isNotEmpty();
    }

    @Test
    public void authenticatesWithTheStoredSecretOnly() {
        store.add(confidential("c1"), Option.some(SecretHash.of(SECRET)));

        assertThat(registry.authenticate(new ClientId("c1"), Option.some(SECRET))).isNotEmpty();
        assertThat(registry.authenticate(new ClientId("c1"), Option.some(NEW_SECRET))).isEmpty();
        assertThat(registry.authenticate(new ClientId("c1"), Option.none())).isEmpty();
    }

    @Test
    public void aReplacedSecretStopsAuthenticatingAtOnce() {
        store.add(confidential("c1"), Option.some(SecretHash.of(SECRET)));
        assertThat(registry.authenticate(new ClientId("c1"), Option.some(SECRET))).isNotEmpty();

        assertThat(store.replaceSecret(new ClientId("c1"), Option.some(SecretHash.of(NEW_SECRET)))).isTrue();

        assertThat(registry.authenticate(new ClientId("c1"), Option.some(SECRET))).isEmpty();
        assertThat(registry.authenticate(new ClientId("c1"), Option.some(NEW_SECRET))).isNotEmpty();
    }

    @Test
    public void aRemovedClientStopsAuthenticatingAtOnce() {
        store.add(confidential("c1"), Option.some(SecretHash.of(SECRET)));
        assertThat(registry.authenticate(new ClientId("c1"), Option.some(SECRET))).isNotEmpty();

        assertThat(store.remove(new ClientId("c1"))).isTrue();

        assertThat(registry.authenticate(new ClientId("c1"), Option.some(SECRET))).isEmpty();
        assertThat(store.find(new ClientId("c1"))).isEmpty();
        assertThat(store.remove(new ClientId("c1"))).isFalse();
    }

    @Test
    public void updatesSettingsAndProfileButNotTheSecret() {
        store.add(confidential("c1"), Option.some(SecretHash.of(SECRET)));
        ManagedClient changed = new ManagedClient(new Client(new ClientId("c1"), "renamed", true,
                HashSet.of(GrantType.CLIENT_CREDENTIALS), MfaPolicy.ALWAYS),
                new ClientProfile(Option.none(), Option.some("regular_web"), TokenEndpointAuth.CLIENT_SECRET_BASIC,
                        Option.none(), Option.some("{}")));

        assertThat(store.update(changed)).isTrue();

        assertThat(store.find(new ClientId("c1"))).containsExactly(changed);
        assertThat(registry.authenticate(new ClientId("c1"), Option.some(SECRET)).map(Client::name))
                .containsExactly("renamed");
        assertThat(store.update(confidential("absent"))).isFalse();
    }

    @Test
    public void aClientWithoutSecretIsPublic() {
        store.add(confidential("c1"), Option.some(SecretHash.of(SECRET)));
        store.update(client("c1", "spa", TokenEndpointAuth.NONE));

        assertThat(store.replaceSecret(new ClientId("c1"), Option.none())).isTrue();

        assertThat(registry.authenticate(new ClientId("c1"), Option.none()).map(Client::confidential))
                .containsExactly(false);
    }

    @Test
    public void pagesInIdOrderAndCountsByAppType() {
        List.of("c3", "c1", "c2").forEach(id -> store.add(confidential(id), Option.some(SecretHash.of(SECRET))));
        store.add(client("c0", "spa", TokenEndpointAuth.NONE), Option.none());

        assertThat(store.page(Option.none(), 1, 2).map(ManagedClient::id).map(ClientId::value)).containsExactly("c1", "c2");
        assertThat(store.page(Option.some("non_interactive"), 0, 10).map(c -> c.id().value()))
                .containsExactly("c1", "c2", "c3");
        assertThat(store.page(Option.none(), 4, 10)).isEmpty();
        assertThat(store.count(Option.none())).isEqualTo(4);
        assertThat(store.count(Option.some("spa"))).isEqualTo(1);
        assertThat(store.count(Option.some("native"))).isZero();
    }
}
