package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.model.AssertionAlgorithm;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientPublicKey;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.PrivateKeyClient;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients that authenticate with Private Key JWT, and their keys, on one database; subclassed for H2 and PostgreSQL. */
abstract class PrivateKeyClientsTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final String SECRET = "kP9v2Qx7Lm4Rt8Zw1Bn6Yc3Hd5Fg0JsA";
    private static final Client BACKEND = new Client(new ClientId("backend"), "Backend", true,
            HashSet.of(GrantType.PASSWORD, GrantType.MFA_OTP, GrantType.CLIENT_CREDENTIALS), MfaPolicy.ALWAYS);

    protected abstract DatabaseExtension db();

    private JdbcClientRegistry clients;
    private JdbcClientKeyStore keys;

    @BeforeEach
    void stores() {
        clients = db().storage().clients();
        keys = db().storage().clientKeys();
    }

    private static ClientPublicKey key(String id, String kid) {
        return new ClientPublicKey(id, BACKEND.id(), "key " + kid, kid, AssertionAlgorithm.RS256,
                "-----BEGIN PUBLIC KEY-----\n" + kid + "\n-----END PUBLIC KEY-----\n", T0, Option.none());
    }

    @Test
    void aPrivateKeyClientHasItsKeysAndNoSecret() {
        clients.upsertPrivateKeyClient(BACKEND, List.of(key("cred_1", "kid-1"), key("cred_2", "kid-2")));

        assertThat(clients.privateKeyJwt(BACKEND.id()))
                .containsExactly(new PrivateKeyClient(BACKEND, List.of(key("cred_1", "kid-1"), key("cred_2", "kid-2"))));
        assertThat(clients.find(BACKEND.id())).containsExactly(BACKEND);
        assertThat(clients.authenticate(BACKEND.id(), Option.none())).isEmpty();
        assertThat(clients.authenticate(BACKEND.id(), Option.some(SECRET))).isEmpty();
    }

    @Test
    void aClientThatTurnsToPrivateKeyJwtLosesItsSecretAndBack() {
        clients.upsertClient(BACKEND, Option.some(SECRET));
        assertThat(clients.privateKeyJwt(BACKEND.id())).isEmpty();

        clients.upsertPrivateKeyClient(BACKEND, List.of(key("cred_1", "kid-1")));
        assertThat(clients.authenticate(BACKEND.id(), Option.some(SECRET))).isEmpty();
        assertThat(clients.privateKeyJwt(BACKEND.id())).hasSize(1);

        clients.upsertClient(BACKEND, Option.some(SECRET));
        assertThat(clients.authenticate(BACKEND.id(), Option.some(SECRET))).containsExactly(BACKEND);
        assertThat(clients.privateKeyJwt(BACKEND.id())).isEmpty();
    }

    @Test
    void upsertingAgainMakesTheKeysExactlyThoseGivenKeepingIds() {
        clients.upsertPrivateKeyClient(BACKEND, List.of(key("cred_1", "kid-1"), key("cred_2", "kid-2")));
        clients.upsertPrivateKeyClient(BACKEND, List.of(key("cred_1", "kid-1"), key("cred_2", "kid-2")));
        clients.upsertPrivateKeyClient(BACKEND, List.of(key("cred_x", "kid-2"), key("cred_3", "kid-3")));

        assertThat(keys.keys(BACKEND.id()).map(k -> k.id() + "/" + k.kid()))
                .containsExactlyInAnyOrder("cred_2/kid-2", "cred_3/kid-3");
    }

    @Test
    void addsFindsAndRemovesKeys() {
        clients.upsertPrivateKeyClient(BACKEND, List.of(key("cred_1", "kid-1")));

        assertThat(keys.add(key("cred_2", "kid-2"))).isTrue();
        assertThat(keys.add(key("cred_2", "kid-9"))).as("the id is taken").isFalse();
        assertThat(keys.add(key("cred_3", "kid-2"))).as("the kid is taken").isFalse();
        assertThat(keys.find(BACKEND.id(), "cred_2")).containsExactly(key("cred_2", "kid-2"));
        assertThat(keys.find(new ClientId("other"), "cred_2")).isEmpty();

        assertThat(keys.remove(BACKEND.id(), "cred_2")).isTrue();
        assertThat(keys.remove(BACKEND.id(), "cred_2")).isFalse();
        assertThat(keys.keys(BACKEND.id())).containsExactly(key("cred_1", "kid-1"));
        assertThat(clients.privateKeyJwt(BACKEND.id()).get().keys()).containsExactly(key("cred_1", "kid-1"));
    }

    @Test
    void refusesAKeyForAClientThatDoesNotExist() {
        assertThat(keys.add(key("cred_1", "kid-1"))).isFalse();
    }

    @Test
    void keepsAKeysExpiry() {
        clients.upsertClient(BACKEND, Option.some(SECRET));
        ClientPublicKey expiring = new ClientPublicKey("cred_e", BACKEND.id(), "expiring", "kid-e",
                AssertionAlgorithm.ES256, "pem", T0, Option.some(T0.plusSeconds(3600)));

        keys.add(expiring);

        assertThat(keys.find(BACKEND.id(), "cred_e")).containsExactly(expiring);
    }

    @Test
    void removingTheClientRemovesItsKeys() {
        clients.upsertPrivateKeyClient(BACKEND, List.of(key("cred_1", "kid-1")));

        db().storage().clientStore().remove(BACKEND.id());

        assertThat(keys.keys(BACKEND.id())).isEmpty();
        assertThat(clients.privateKeyJwt(BACKEND.id())).isEmpty();
    }
}
